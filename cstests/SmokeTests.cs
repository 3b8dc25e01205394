using NUnit.Framework;
using StacklessIron.Parsing;

namespace StacklessIron.Tests;

public class SmokeTests
{
    [Test]
    public void TokenFormatsItsPosition()
    {
        var t = new Token(TokenKind.Name, "x", 1, 0, 1, 1);
        Assert.That(t.ToString(), Is.EqualTo("Name 'x' 1:0-1:1"));
        Assert.That(t.IsName("x"), Is.True);
    }
}
