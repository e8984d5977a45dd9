using System.Security.Cryptography;

namespace PaperTrail.Content;

/// <summary>The hash by which a build knows an input file's bytes: 16 hex digits of SHA-256.</summary>
internal static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    public static string OfFile(string path) => Of(ArchiveLoader.ReadBytes(path));
}
