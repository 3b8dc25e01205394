using System.Diagnostics;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>Signals from outside the process reach Python: SIGINT (Ctrl-C) raises
/// KeyboardInterrupt in a busy loop, and a second SIGINT before the first was handled takes
/// the default action.</summary>
public class SignalTests
{
    static Process Start(string code)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(RepoPaths.HostDll);
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(code);
        return Process.Start(psi)!;
    }

    [DllImport("libc", SetLastError = true)] static extern int kill(int pid, int sig);

    /// <summary>Runs `code` (which prints "ready" when it is about to wait), sends it SIGINT and
    /// waits for it to end.</summary>
    static Process InterruptWhenReady(string code, string waitingIn)
    {
        var p = Start(code);
        Assert.That(p.StandardOutput.ReadLine(), Is.EqualTo("ready"));
        Assert.That(kill(p.Id, 2), Is.EqualTo(0));
        Assert.That(p.WaitForExit(30_000), Is.True, $"the {waitingIn} was not interrupted");
        return p;
    }

    [Test]
    public void CtrlCRaisesKeyboardInterruptInABusyLoop()
    {
        using var p = InterruptWhenReady("print('ready', flush=True)\nwhile True:\n    pass\n", "loop");
        string err = p.StandardError.ReadToEnd();
        Assert.That(err, Does.Contain("KeyboardInterrupt"));
        Assert.That(err, Does.Contain("line 2, in <module>"));
        Assert.That(p.ExitCode, Is.EqualTo(130));
    }

    [Test]
    public void KeyboardInterruptCanBeCaught()
    {
        using var p = InterruptWhenReady("import time\nprint('ready', flush=True)\ntry:\n    time.sleep(30)\nexcept KeyboardInterrupt:\n    print('caught')\n", "sleep");
        Assert.That(p.StandardOutput.ReadToEnd(), Is.EqualTo("caught\n"));
        Assert.That(p.ExitCode, Is.EqualTo(0));
    }
}
