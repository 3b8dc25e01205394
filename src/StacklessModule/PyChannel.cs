#nullable enable
using System;
using System.Runtime.CompilerServices;
using StacklessIron.Objects;
using StacklessIron.Runtime;
namespace StacklessIron.Stackless;

/// <summary>
/// A channel: a queue of tasklets blocked on it, all sending (balance > 0) or all receiving
/// (balance < 0). A rendezvous hands the value over; `preference` decides who runs on.
/// </summary>
[PyType("channel")]
public sealed class PyChannel : PyObject
{
    public static readonly PyType TypeObject = PyType.Builtin("channel", typeof(PyChannel), module: "_stackless");

    PyDict? _dict;
    public override PyDict? Dict { get => _dict; set => _dict = value; }

    /// <summary>The tasklets blocked on it, in arrival order.</summary>
    internal readonly TaskletQueue Waiting = new();
    public PyTasklet? Head => Waiting.Front;
    public int Balance;
    /// <summary>-1: the receiver runs on a rendezvous (default); 1: the sender; 0: neither.</summary>
    public int Preference = -1;
    public bool ScheduleAll, Closing;

    public PyChannel(PyType type) : base(type) { }

    [PySlot("__new__")]
    static PyObject New(ThreadState ts, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var c = new PyChannel(cls);
        if (cls != TypeObject) c._dict = new PyDict();
        return c;
    }

    [PySlot("__init__")]
    static void Init(ThreadState ts, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) { }

    internal void Append(PyTasklet t, int dir)
    {
        t.BlockedOn = this; t.BlockDir = dir;
        Waiting.PushBack(t);
        Balance += dir;
    }

    /// <summary>Takes the first waiting tasklet off the channel (the one a rendezvous pairs with).</summary>
    internal PyTasklet PopFront()
    {
        var t = Waiting.PopFront();
        Balance -= t.BlockDir;
        t.BlockedOn = null; t.BlockDir = 0;
        return t;
    }

    internal void Unlink(PyTasklet t)
    {
        Waiting.Remove(t);
        Balance -= t.BlockDir;
        t.BlockedOn = null; t.BlockDir = 0;
    }

    public bool Closed => Closing && Balance == 0;

    // The loop calls send and receive through their Invokers (below); these bodies serve the
    // binder's general path only (keywords, wrong argument counts).
    [PyMethod]
    static PyObject send(ThreadState ts, PyChannel self, PyObject value) => Invokers.Instance.Send(ts, self, value);

    [PyMethod]
    static PyObject receive(ThreadState ts, PyChannel self) => Invokers.Instance.Receive(ts, self);

    /// <summary>The invokers of send and receive (NativeFunction.UseInvoker): the loop's call
    /// goes straight to the channel action, with no adapter and no invoker compiled (and
    /// swapped in) while the first switches run. Instance methods: a delegate to one is
    /// called directly, where one to a static method goes through a shuffle thunk.
    /// The switching path (these, Scheduler.SwitchTo, Load) is compiled optimised at its first
    /// call (StacklessModule prepares it at import): a ReadyToRun or tier-0 version would run
    /// the first ~100 ms of switches at half speed until tiering replaced it. ChannelAction is
    /// inlined here, with its direction a constant.</summary>
    internal sealed class Invokers
    {
        internal static readonly Invokers Instance = new();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal PyObject Send(ThreadState ts, PyObject? self, PyObject? value)
        {
            var ch = self as PyChannel ?? NativeConvert.Self<PyChannel>(self, "send", "channel");
            bool direct = ts.TakeUnwindPermission();
            return Scheduler.Of(ts).ChannelAction(ch, 1, value!, direct);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        internal PyObject Receive(ThreadState ts, PyObject? self)
        {
            var ch = self as PyChannel ?? NativeConvert.Self<PyChannel>(self, "receive", "channel");
            bool direct = ts.TakeUnwindPermission();
            return Scheduler.Of(ts).ChannelAction(ch, -1, PyNone.Value, direct);
        }

        internal static void Install()
        {
            ((PyMethodDescriptor)TypeObject.Namespace.GetStr("send")!).Func.UseInvoker(new Func<ThreadState, PyObject?, PyObject?, PyObject>(Instance.Send));
            ((PyMethodDescriptor)TypeObject.Namespace.GetStr("receive")!).Func.UseInvoker(new Func<ThreadState, PyObject?, PyObject>(Instance.Receive));
        }
    }

    [PyMethod]
    static PyObject send_exception(ThreadState ts, PyChannel self, PyObject exc_class, params PyObject[] args)
    {
        // Stackless takes an exception class (or a string) here, not an instance: send_throw takes those
        if (!(exc_class is PyType c && c.IsSubtypeOf(ExceptionTypes.BaseException)) && exc_class is not PyStr)
            throw PyExc.TypeError("channel.send_exception needs Exception or string subclass as first parameter");
        bool direct = ts.TakeUnwindPermission();
        var e = PyTasklet.MakeException(ts, exc_class, args.Length == 0 ? null : new PyTuple(args), null);
        return Scheduler.Of(ts).ChannelAction(self, 1, new PyBomb(e), direct);
    }

    [PyMethod]
    static PyObject send_throw(ThreadState ts, PyChannel self, PyObject exc, PyObject? val = null, PyObject? tb = null)
    {
        bool direct = ts.TakeUnwindPermission();
        var e = PyTasklet.MakeException(ts, exc, val, tb, true);
        return Scheduler.Of(ts).ChannelAction(self, 1, new PyBomb(e), direct);
    }

    [PyMethod]
    static PyObject send_sequence(ThreadState ts, PyChannel self, PyObject iterable)
    {
        // Each send may block: the loop runs it as a Python frame, so the sends switch softly.
        if (ts.TakeUnwindPermission())
            return Interpreter.SwitchTo(ts, Interpreter.MakeFrame(ts, (PyFunction)StacklessModule.SendSequenceHelper!, new[] { (PyObject)self, iterable }, null));
        return Ops.Call(ts, StacklessModule.SendSequenceHelper!, self, iterable);
    }

    [PyMethod]
    static void open(ThreadState ts, PyChannel self) => self.Closing = false;

    [PyMethod]
    static void close(ThreadState ts, PyChannel self) => self.Closing = true;

    [PySlot("__iter__")] static PyObject Iter(ThreadState ts, PyObject self) => self;

    // channel iteration's receive: compiled optimised as the invokers (ChannelAction inlined)
    [PySlot("__next__"), MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static PyObject? Next(ThreadState ts, PyObject self)
    {
        bool direct = ts.TakeUnwindPermission();
        var ch = (PyChannel)self;
        if (ch.Closed) return null;
        // a StopIteration sent through the channel ends the iteration (after a soft switch the
        // loop sees it when the tasklet resumes; here, for a value at hand or a hard switch)
        try { return Scheduler.Of(ts).ChannelAction(ch, -1, PyNone.Value, direct); }
        catch (PyException e) when (e.Matches(ExceptionTypes.StopIteration)) { return null; }
    }

    [PyGetter("balance")] static PyObject GetBalance(ThreadState ts, PyObject self) => PyInt.From(((PyChannel)self).Balance);
    [PyGetter("queue")] static PyObject GetQueue(ThreadState ts, PyObject self) => (PyObject?)((PyChannel)self).Head ?? PyNone.Value;
    [PyGetter("closing")] static PyObject GetClosing(ThreadState ts, PyObject self) => PyBool.From(((PyChannel)self).Closing);
    [PyGetter("closed")] static PyObject GetClosed(ThreadState ts, PyObject self) => PyBool.From(((PyChannel)self).Closed);
    [PyGetter("preference")] static PyObject GetPreference(ThreadState ts, PyObject self) => PyInt.From(((PyChannel)self).Preference);
    [PySetter("preference")]
    static void SetPreference(ThreadState ts, PyObject self, PyObject? v)
    {
        if (v == null) throw PyExc.AttributeError("can't delete preference");
        var p = Ops.Index(ts, v).Sign;
        ((PyChannel)self).Preference = p > 0 ? 1 : p < 0 ? -1 : 0;
    }
    // Stackless keeps schedule_all as an int flag: it reads back 0 or 1, and only an int (or
    // bool) may be assigned (the message is Stackless's own, naming preference)
    [PyGetter("schedule_all")] static PyObject GetScheduleAll(ThreadState ts, PyObject self) => PyInt.From(((PyChannel)self).ScheduleAll ? 1 : 0);
    [PySetter("schedule_all")]
    static void SetScheduleAll(ThreadState ts, PyObject self, PyObject? v)
    {
        if (v != null && v is not PyInt) throw PyExc.TypeError("preference must be set to a bool or integer");
        ((PyChannel)self).ScheduleAll = v != null && ((PyInt)v).Sign != 0;
    }

    [PySlot("__repr__")]
    static PyObject Repr(ThreadState ts, PyObject self)
    {
        var mod = Ops.GetAttrOrNull(ts, self.Type, new PyStr("__module__")) is PyStr m ? m.Value + "." : "";
        return new PyStr($"<{mod}{self.Type.Name} object at 0x{Ops.Id(self):x}>");
    }

    // pickling (TaskletPickling): (type, (), (balance, flags, tasklets)) and __setstate__, as Stackless
    [PyMethod] static PyObject __reduce__(ThreadState ts, PyChannel self) => TaskletPickling.ReduceChannel(ts, self);
    [PyMethod] static PyObject __reduce_ex__(ThreadState ts, PyChannel self, PyObject protocol) => TaskletPickling.ReduceChannel(ts, self);
    [PyMethod] static PyObject __setstate__(ThreadState ts, PyChannel self, PyObject state) => TaskletPickling.SetChannelState(ts, self, state);
}
