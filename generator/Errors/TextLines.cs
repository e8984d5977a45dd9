namespace PaperTrail.Errors;

/// <summary>
/// Lines as an editor, grep and git count them: by '\n' alone. A parser may count otherwise (YAML
/// also breaks lines at U+2028, U+2029 and U+0085), and a problem named by its count would point past
/// the line the reader sees, or past the file's end.
/// </summary>
internal static class TextLines
{
    /// <summary>The 1-based line of the character at <paramref name="index"/> (clamped to the text).</summary>
    public static int LineAt(string text, long index) => 1 + text.AsSpan(0, (int)Math.Clamp(index, 0, text.Length)).Count('\n');
}
