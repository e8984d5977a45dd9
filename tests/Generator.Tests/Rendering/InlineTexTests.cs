using PaperTrail.Rendering;

namespace PaperTrail.Tests.Rendering;

/// <summary>Formulas in a line of text: marked up for KaTeX in HTML, readable in plain text.</summary>
public sealed class InlineTexTests
{
    [Theory]
    [InlineData("$π$-Bench: a benchmark", "π-Bench: a benchmark")]
    [InlineData("2-4$\\times$ faster decoding", "2-4× faster decoding")]
    [InlineData("$\\alpha$-divergences and $\\chi^2$ tests", "α-divergences and χ^2 tests")]
    [InlineData("Scaling $\\mathcal{O}(n)$ attention", "Scaling O(n) attention")]
    [InlineData("Costs $5 or $6 a month", "Costs $5 or $6 a month")]
    [InlineData("No math here", "No math here")]
    public void Plain_text_reads_each_formula_as_text(string title, string plain) =>
        Assert.Equal(plain, InlineTex.Plain(title));

    [Fact]
    public void Html_marks_formulas_up_as_an_abstracts_math_and_escapes_the_rest()
    {
        var html = InlineTex.Html("$π$-Bench <b> & $x<y$");
        Assert.Equal("<span class=\"math\">\\(π\\)</span>-Bench &lt;b&gt; &amp; <span class=\"math\">\\(x&lt;y\\)</span>", html);
        Assert.False(InlineTex.HasMath("Costs $5 or $6 a month"));
        Assert.True(InlineTex.HasMath("$π$-Bench"));
    }

    [Fact]
    public void A_formula_glued_to_a_number_in_an_abstract_is_math_not_text()
    {
        var (html, summary) = AbstractRenderer.Render("Speedups of 2-4$\\times$ over baselines; prices stay 5$ and 6$.", 300);
        Assert.Contains("2-4<span class=\"math\">\\(\\times\\)</span> over", html);
        Assert.Contains("prices stay 5$ and 6$.", html);
        Assert.Contains("2-4× over baselines", summary);
    }
}
