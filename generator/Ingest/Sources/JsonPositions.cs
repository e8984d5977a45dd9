using System.Text.Json;

namespace PaperTrail.Ingest.Sources;

/// <summary>The line on which each element of a JSON array starts, so problems can name a line.</summary>
internal static class JsonPositions
{
    /// <summary>
    /// Lines (1-based) of the elements of the root array, or, with <paramref name="property"/>, of the
    /// array under that property of the root object.
    /// </summary>
    public static IReadOnlyList<int> ArrayItemLines(byte[] bytes, string? property = null)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = InputLimits.MaxJsonDepth });
        var depth = 0;
        var arrayDepth = -1;
        string? name = null;
        var line = 1;
        long scanned = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    name = depth == 1 ? reader.GetString() : null;
                    continue;
                }
                if (arrayDepth >= 0 && depth == arrayDepth + 1 && reader.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
                {
                    for (; scanned < reader.TokenStartIndex; scanned++) if (bytes[scanned] == (byte)'\n') line++;
                    lines.Add(line);
                }
                if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                {
                    var isTarget = reader.TokenType == JsonTokenType.StartArray && arrayDepth < 0
                        && (property is null ? depth == 0 : depth == 1 && name == property);
                    if (isTarget) arrayDepth = depth;
                    depth++;
                }
                else if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    depth--;
                    if (depth == arrayDepth) break;
                }
                name = null;
            }
        }
        catch (JsonException) { }
        return lines;
    }
}
