class ConfigError(Exception):
    pass

def load(name):
    try:
        {}[name]
    except KeyError as exc:
        raise ConfigError(f"missing {name}") from exc

load("port")
