# pwd and grp: the user and group databases, struct sequences and KeyError messages.
import pwd, grp, os
root = pwd.getpwuid(0)
print(root)
print(root.pw_name, root[0], root.pw_uid, root.pw_dir, len(root), pwd.struct_passwd.n_fields)
print(pwd.getpwnam(root.pw_name) == root, root in pwd.getpwall())
g = grp.getgrgid(0)
print(g, g.gr_name, g[2], type(g.gr_mem), grp.getgrnam(g.gr_name) == g, len(grp.getgrall()) > 0)
for f, a in [(pwd.getpwuid, 99999), (pwd.getpwnam, "no such user"), (grp.getgrgid, 99999), (grp.getgrnam, "nosuchgroup"), (pwd.getpwuid, -5)]:
    try:
        f(a)
    except KeyError as e:
        print(repr(e))
for f, a in [(pwd.getpwnam, 5), (pwd.getpwuid, "0")]:
    try:
        f(a)
    except TypeError as e:
        print("TypeError")
print(pwd.getpwuid(os.getuid()).pw_uid == os.getuid())
