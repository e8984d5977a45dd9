namespace PaperTrail.Rendering;

/// <summary>
/// One entry of a strings file: a text, a count's two forms (<c>one</c> and <c>other</c>), or a list
/// (the months' names), with the file and line it was read from.
/// </summary>
internal sealed record UiString(string File, int Line)
{
    public string? Text { get; init; }
    public string? One { get; init; }
    public string? Other { get; init; }
    public IReadOnlyList<string>? List { get; init; }

    public bool IsCount => One is not null;

    public string Kind => List is not null ? "a list" : IsCount ? "a count (one and other)" : "a text";
}
