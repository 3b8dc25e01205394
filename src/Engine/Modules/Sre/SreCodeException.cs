#nullable enable
using System;
namespace StacklessIron.Modules.Sre;

/// <summary>Thrown inside the matcher when the code words are not a valid SRE program (only
/// possible with hand-made code passed to _sre.compile); the caller turns it into RuntimeError.</summary>
internal sealed class SreCodeException : Exception
{
    public SreCodeException() : base("invalid SRE code") { }
}
