# tsvfield.py - the record format's field escapes for the tests' Python
# checkers: \t \n \r \\ are escapes; a backslash before anything else is
# text (as the programs read it).
ESC = {'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}


def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s) and s[i + 1] in ESC:
            out.append(ESC[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)
