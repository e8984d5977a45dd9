namespace PaperTrail.Rendering;

/// <summary>
/// The CRC-32 a PNG chunk ends with (ISO 3309, polynomial 0xEDB88320 reflected), byte by byte from a
/// table: a card's chunks are some 40 KB, and the runtime has no public CRC-32 without a package.
/// </summary>
internal static class Crc32
{
    public const uint Start = 0xFFFFFFFFu;

    private static readonly uint[] Table = MakeTable();

    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFFu;

    private static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
