namespace PaperTrail.Rendering;

/// <summary>
/// Which form of a counted string a number takes, as a strings file's <c>plural</c> names it. Two
/// rules cover the languages shipped and most of Europe's: <c>one</c> (1 is singular, every other
/// number plural: English, German, Dutch, Spanish…) and <c>zero-one</c> (0 and 1 are singular:
/// French, Brazilian Portuguese). A language with more forms (Polish, Russian) needs a rule added here.
/// </summary>
internal enum PluralRule
{
    One,
    ZeroOne,
}

/// <summary>The names of <see cref="PluralRule"/> in a strings file, and what each decides.</summary>
internal static class PluralRules
{
    public const string Names = "'one' (1 is singular) or 'zero-one' (0 and 1 are singular)";

    public static PluralRule? Parse(string name) => name switch
    {
        "one" => PluralRule.One,
        "zero-one" => PluralRule.ZeroOne,
        _ => null,
    };

    /// <summary>True when <paramref name="count"/> takes the form <c>one</c>.</summary>
    public static bool IsOne(this PluralRule rule, long count) => rule switch
    {
        PluralRule.ZeroOne => count is 0 or 1,
        _ => count == 1,
    };
}
