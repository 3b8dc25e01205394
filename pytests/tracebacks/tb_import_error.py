from keyword import no_such_name
