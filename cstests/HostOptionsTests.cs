using NUnit.Framework;

namespace StacklessIron.Tests;

/// <summary>The host's -X and -W options, checked against CPython 3.11 run with the same arguments.</summary>
public class HostOptionsTests
{
    const string Show = "import sys; print(sys.flags.int_max_str_digits, sys.get_int_max_str_digits(), sys._xoptions, sys.warnoptions)";

    static void SameAsCPython(params string[] args)
    {
        var ours = ProcessRunner.RunOurs(args);
        var theirs = ProcessRunner.Run(Oracle.PythonPath, args);
        Assert.That(ours.Stdout, Is.EqualTo(theirs.Stdout), ours.Stderr);
        Assert.That(ours.ExitCode, Is.EqualTo(theirs.ExitCode), ours.Stderr);
    }

    [Test]
    public void IntMaxStrDigitsOptionSetsTheLimitAndTheFlag()
    {
        SameAsCPython("-X", "int_max_str_digits=5000", "-c", Show + "; print(len(str(10 ** 4800)))");
        SameAsCPython("-Xint_max_str_digits=0", "-c", Show + "; print(len(str(10 ** 9000)))");
    }

    [Test]
    public void IntMaxStrDigitsOptionLimitsLiteralsAtCompileTime()
    {
        string code = "import sys\ntry:\n    compile('x = ' + '1' * 801, 'f', 'exec')\nexcept SyntaxError as e:\n    print(e.msg)\n";
        SameAsCPython("-X", "int_max_str_digits=800", "-c", code);
    }

    [Test]
    public void InvalidIntMaxStrDigitsIsAFatalStartupError()
    {
        var ours = ProcessRunner.RunOurs(new[] { "-X", "int_max_str_digits=5", "-c", "print('ran')" });
        Assert.That(ours.ExitCode, Is.EqualTo(1));
        Assert.That(ours.Stdout, Is.Empty);
        Assert.That(ours.Stderr, Does.Contain("-X int_max_str_digits: invalid limit; must be >= 640 or 0 for unlimited."));
    }

    [Test]
    public void OtherXOptionsAndWarnOptionsReachSys()
    {
        SameAsCPython("-X", "foo", "-Xbar=baz", "-W", "ignore", "-Werror::DeprecationWarning", "-c", Show);
    }

    const string Session = "x = 5\nx + 1\ndef f():\n    return 7\n\nf()\n1/0\nprint('end')\n";

    [Test]
    public void InteractivePromptEchoesValuesAndContinuesAfterErrors()
    {
        var ours = ProcessRunner.RunOurs(new[] { "-i" }, stdin: Session);
        var theirs = ProcessRunner.Run(Oracle.PythonPath, new[] { "-i" }, stdin: Session);
        Assert.That(ours.Stdout, Is.EqualTo(theirs.Stdout), ours.Stderr);
        Assert.That(ours.ExitCode, Is.EqualTo(0));
        // prompts and the traceback go to stderr; the banner differs
        string AfterBanner(string err) => err.Substring(err.IndexOf(">>> ", System.StringComparison.Ordinal));
        Assert.That(AfterBanner(ours.Stderr), Is.EqualTo(AfterBanner(theirs.Stderr)));
    }

    [Test]
    public void InspectAfterCommandKeepsItsGlobals()
    {
        var ours = ProcessRunner.RunOurs(new[] { "-i", "-c", "y = 40" }, stdin: "y + 2\n");
        Assert.That(ours.Stdout, Is.EqualTo("42\n"), ours.Stderr);
    }

    [Test]
    public void ProgramFromStdin()
    {
        const string Program = "import sys\nprint(sys.argv, repr(sys.path[0]), __file__, __name__)\nraise SystemExit(3)\n";
        foreach (var args in new[] { new string[0], new[] { "-", "a", "b" } })
        {
            var ours = ProcessRunner.RunOurs(args, stdin: Program);
            var theirs = ProcessRunner.Run(Oracle.PythonPath, args, stdin: Program);
            Assert.That(ours.Stdout, Is.EqualTo(theirs.Stdout), ours.Stderr);
            Assert.That(ours.ExitCode, Is.EqualTo(3));
        }
    }
}
