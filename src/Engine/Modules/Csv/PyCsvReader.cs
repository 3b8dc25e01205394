#nullable enable
using System;
using System.Text;
namespace StacklessIron.Modules.Csv;

/// <summary>`_csv.reader` objects: iterate over lines (any iterable of str) and return each
/// record as a list of fields, with the state machine of CPython's _csv.c (quoted fields span
/// lines; a field's escape and quote rules follow the dialect).</summary>
[PyType("reader")]
public sealed class PyCsvReader : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("reader", typeof(PyCsvReader), subclassable: false, module: "_csv");

    enum State { StartRecord, StartField, EscapedChar, InField, InQuotedField, EscapeInQuotedField, QuoteInQuotedField, EatCrNl, AfterEscapedCrNl }
    const int Eol = -2;

    readonly PyObject _input;
    readonly PyCsvDialect _dialect;
    State _state = State.StartRecord;
    readonly StringBuilder _field = new();
    int _fieldLen;          // in code points, for the field size limit
    PyList? _fields;
    bool _numericField;
    long _lineNum;

    internal PyCsvReader(PyObject input, PyCsvDialect dialect) : base(TypeObject) { _input = input; _dialect = dialect; }

    [PyGetter("dialect")] static PyObject GetDialect(ThreadState ts, PyObject self) => ((PyCsvReader)self)._dialect;
    [PyGetter("line_num")] static PyObject GetLineNum(ThreadState ts, PyObject self) => PyInt.From(((PyCsvReader)self)._lineNum);

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    [PySlot("__next__")]
    static PyObject? Next(ThreadState ts, PyObject self) => ((PyCsvReader)self).NextRecord(ts);

    PyObject? NextRecord(ThreadState ts)
    {
        _fields = new PyList();
        _field.Clear(); _fieldLen = 0;
        _state = State.StartRecord;
        _numericField = false;
        do
        {
            var line = Ops.Next(ts, _input);
            if (line == null)
            {
                if (_fieldLen != 0 || _state == State.InQuotedField)
                {
                    if (_dialect.Strict) throw CsvModule.Fail("unexpected end of data");
                    SaveField(ts);
                    break;
                }
                return null;
            }
            if (line is not PyStr s)
                throw CsvModule.Fail($"iterator should return strings, not {line.Type.Name} (the file should be opened in text mode)");
            _lineNum++;
            var text = s.Value;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    c = char.ConvertToUtf32(text[i], text[++i]);
                ProcessChar(ts, c);
            }
            ProcessChar(ts, Eol);
        } while (_state != State.StartRecord);
        var fields = _fields;
        _fields = null;
        return fields;
    }

    void AddChar(int c)
    {
        if (_fieldLen >= CsvModule.FieldLimit) throw CsvModule.Fail($"field larger than field limit ({CsvModule.FieldLimit})");
        if (c < 0x10000) _field.Append((char)c); else _field.Append(char.ConvertFromUtf32(c));
        _fieldLen++;
    }

    void SaveField(ThreadState ts)
    {
        PyObject field = new PyStr(_field.ToString());
        _field.Clear(); _fieldLen = 0;
        if (_numericField)
        {
            _numericField = false;
            field = Ops.Call(ts, PyFloat.TypeObject, field);
        }
        _fields!.Append(field);
    }

    void ProcessChar(ThreadState ts, int c)
    {
        var d = _dialect;
        switch (_state)
        {
            case State.StartRecord:
                if (c == Eol) return;               // an empty line: an empty record
                if (c == '\n' || c == '\r') { _state = State.EatCrNl; return; }
                _state = State.StartField;
                goto case State.StartField;
            case State.StartField:
                if (c == '\n' || c == '\r' || c == Eol)
                {
                    SaveField(ts);
                    _state = c == Eol ? State.StartRecord : State.EatCrNl;
                }
                else if (c == d.QuoteChar && d.Quoting != PyCsvDialect.QuoteNone) _state = State.InQuotedField;
                else if (c == d.EscapeChar) _state = State.EscapedChar;
                else if (c == ' ' && d.SkipInitialSpace) { }
                else if (c == d.Delimiter) SaveField(ts);
                else
                {
                    if (d.Quoting == PyCsvDialect.QuoteNonNumeric) _numericField = true;
                    AddChar(c);
                    _state = State.InField;
                }
                break;
            case State.EscapedChar:
                if (c == '\n' || c == '\r') { AddChar(c); _state = State.AfterEscapedCrNl; break; }
                if (c == Eol) c = '\n';
                AddChar(c);
                _state = State.InField;
                break;
            case State.AfterEscapedCrNl:
                if (c == Eol) break;
                goto case State.InField;
            case State.InField:
                if (c == '\n' || c == '\r' || c == Eol)
                {
                    SaveField(ts);
                    _state = c == Eol ? State.StartRecord : State.EatCrNl;
                }
                else if (c == d.EscapeChar) _state = State.EscapedChar;
                else if (c == d.Delimiter) { SaveField(ts); _state = State.StartField; }
                else AddChar(c);
                break;
            case State.InQuotedField:
                if (c == Eol) { }
                else if (c == d.EscapeChar) _state = State.EscapeInQuotedField;
                else if (c == d.QuoteChar && d.Quoting != PyCsvDialect.QuoteNone)
                    _state = d.DoubleQuote ? State.QuoteInQuotedField : State.InField;
                else AddChar(c);
                break;
            case State.EscapeInQuotedField:
                if (c == Eol) c = '\n';
                AddChar(c);
                _state = State.InQuotedField;
                break;
            case State.QuoteInQuotedField:
                if (d.Quoting != PyCsvDialect.QuoteNone && c == d.QuoteChar) { AddChar(c); _state = State.InQuotedField; }
                else if (c == d.Delimiter) { SaveField(ts); _state = State.StartField; }
                else if (c == '\n' || c == '\r' || c == Eol)
                {
                    SaveField(ts);
                    _state = c == Eol ? State.StartRecord : State.EatCrNl;
                }
                else if (!d.Strict) { AddChar(c); _state = State.InField; }
                else throw CsvModule.Fail($"'{char.ConvertFromUtf32(d.Delimiter)}' expected after '{char.ConvertFromUtf32(d.QuoteChar)}'");
                break;
            case State.EatCrNl:
                if (c == '\n' || c == '\r') { }
                else if (c == Eol) _state = State.StartRecord;
                else throw CsvModule.Fail("new-line character seen in unquoted field - do you need to open the file with newline=''?");
                break;
        }
    }
}
