using PaperTrail.Ingest;

namespace PaperTrail.Tests.Ingest;

public sealed class TextCleanerTests
{
    [Theory]
    [InlineData("Schr\\\"{o}dinger equation", "Schrödinger equation")]
    [InlineData("Schr\\\"odinger", "Schrödinger")]
    [InlineData("{\\\"o} and {\\'e}", "ö and é")]
    [InlineData("Erd\\H{o}s, Gar\\c{c}on, \\v{S}koda, Pe\\~na", "Erdős, Garçon, Škoda, Peña")]
    [InlineData("Stra{\\ss}e and \\o{} and \\'{\\i}", "Straße and ø and í")]
    [InlineData("a 49.99\\% cut \\& more", "a 49.99% cut & more")]
    public void Latex_escapes_become_unicode(string raw, string clean) => Assert.Equal(clean, TextCleaner.Clean(raw));

    [Theory]
    [InlineData("costs $\\mathcal{O}(n^2)$ time")]
    [InlineData("Forward χ^2 Divergence")]
    [InlineData("$$\\\"{o} \\cdot \\vec{v}$$ stays")]
    [InlineData("uses \\cdot and \\vec outside math too")]
    public void Math_and_other_commands_are_kept_as_written(string text) => Assert.Equal(text, TextCleaner.Clean(text));

    [Fact]
    public void Controls_bidi_and_zero_width_characters_go_and_whitespace_collapses()
    {
        Assert.Equal("eviltxt.exe title", TextCleaner.Clean("  evil\u202Etxt.exe\u200B \t\r\n title\u0000\u001B "));
    }
}
