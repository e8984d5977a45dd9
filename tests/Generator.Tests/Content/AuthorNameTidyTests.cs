using PaperTrail.Content;

namespace PaperTrail.Tests.Content;

/// <summary>
/// The same author typed twice is one author: <see cref="AuthorSpellings.Tidy"/> makes white space
/// single spaces. Its shortcut for names already tidy must give what splitting and joining gives.
/// </summary>
public sealed class AuthorNameTidyTests
{
    [Theory]
    [InlineData("Ada Lovelace", "Ada Lovelace")]
    [InlineData("  Ada   Lovelace ", "Ada Lovelace")]
    [InlineData("Ada\tLovelace", "Ada Lovelace")]
    [InlineData("Ada \u00a0Lovelace", "Ada Lovelace")]
    [InlineData("Ada\n", "Ada")]
    [InlineData("", "")]
    [InlineData("Jose\u0301 Pe\u0301rez", "José Pérez")]
    public void White_space_becomes_single_spaces_and_accents_compose(string written, string tidy) =>
        Assert.Equal(tidy, AuthorSpellings.Tidy(written));

    [Fact]
    public void The_shortcut_agrees_with_splitting_and_joining_on_random_names()
    {
        var random = new Random(7);
        char[] alphabet = ['a', 'B', ' ', ' ', '\t', '\n', '\u00a0', '\u2009', 'é', '-'];
        for (var n = 0; n < 20_000; n++)
        {
            var name = new string(Enumerable.Range(0, random.Next(0, 9)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var expected = string.Join(' ', name.Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(expected, AuthorSpellings.Tidy(name));
        }
    }
}
