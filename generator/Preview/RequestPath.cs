using System.Text;

namespace PaperTrail.Preview;

/// <summary>
/// The path a preview request asks for, decoded from the request line as sent, or why it is
/// malformed (the preview then answers 400 Bad Request). A browser never sends such a path: an
/// escape that is not one (<c>%ZZ</c>), bytes that are not UTF-8, a control character such as the
/// NUL of <c>/%00</c> (which the preview used to drop the connection on, never answering), a
/// backslash, a "." or ".." segment (browsers resolve those before asking), or a path longer than
/// any page of a site has.
/// </summary>
internal static class RequestPath
{
    /// <summary>Longer than any path the site has (a slug is at most 80 characters).</summary>
    public const int MaxLength = 2048;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The decoded path of a request target ("/papers/x/?q" or "http://host/papers/x/"), or null with <paramref name="problem"/> set.</summary>
    public static string? Decode(string? target, out string? problem)
    {
        problem = null;
        var path = PathPart(target ?? "");
        if (path.Length == 0 || path[0] != '/') return Bad("the path does not start with '/'", out problem);
        if (path.Length > MaxLength) return Bad($"the path is longer than {MaxLength} characters", out problem);
        var bytes = new List<byte>(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%')
            {
                if (i + 2 >= path.Length || !char.IsAsciiHexDigit(path[i + 1]) || !char.IsAsciiHexDigit(path[i + 2]))
                    return Bad("a '%' is not followed by two hexadecimal digits", out problem);
                bytes.Add(Convert.ToByte(path.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c > 0x7F) return Bad("the path has characters that are not escaped", out problem);
            else bytes.Add((byte)c);
        }
        string decoded;
        try
        {
            decoded = StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            return Bad("the path's escapes are not UTF-8", out problem);
        }
        if (decoded.Any(char.IsControl)) return Bad("the path has a control character", out problem);
        if (decoded.Contains('\\')) return Bad("the path has a backslash", out problem);
        if (decoded.Split('/').Any(segment => segment is "." or "..")) return Bad("the path has a '.' or '..' segment", out problem);
        return decoded;
    }

    /// <summary>The path of a request target: the origin form as it is, the absolute form after its authority; no query.</summary>
    private static string PathPart(string target)
    {
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && target.IndexOf('/') > scheme)
        {
            var slash = target.IndexOf('/', scheme + 3);
            target = slash < 0 ? "/" : target[slash..];
        }
        var end = target.IndexOfAny(['?', '#']);
        return end < 0 ? target : target[..end];
    }

    private static string? Bad(string why, out string? problem)
    {
        problem = why;
        return null;
    }
}
