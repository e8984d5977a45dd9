using System.Text.Json;
using PaperTrail.Rendering;

namespace PaperTrail.Tests.Rendering;

/// <summary>
/// The JSON between the generator and tools/render-math.mjs, which reads `{"tex", "display"}` objects
/// and answers with an array of strings. It is written by a source-generated serialiser (the native
/// generator has no reflection-based one), so its field names are checked here, without Node.
/// </summary>
public class KatexJsonTests
{
    [Fact]
    public void Formulas_go_to_the_script_as_tex_and_display()
    {
        var json = JsonSerializer.Serialize([new KatexInput("a^2 < b", false), new KatexInput("\\sum_i x_i", true)], KatexJson.Default.KatexInputArray);

        Assert.Equal("""[{"tex":"a^2 \u003C b","display":false},{"tex":"\\sum_i x_i","display":true}]""", json);
    }

    [Fact]
    public void The_script_answer_reads_back_as_strings()
    {
        var mathml = JsonSerializer.Deserialize("""["<math><mi>a</mi></math>",""]""", KatexJson.Default.StringArray);

        Assert.Equal(["<math><mi>a</mi></math>", ""], mathml!);
    }
}
