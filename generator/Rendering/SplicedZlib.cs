using System.Buffers.Binary;
using System.IO.Compression;

namespace PaperTrail.Rendering;

/// <summary>
/// A zlib stream put together from pieces compressed each on its own: deflate blocks can follow one
/// another at any byte boundary, so a piece compressed once (<see cref="Compress"/>) can be spliced
/// into any number of streams for the cost of copying it. Each piece is a fresh compression ended by
/// a sync flush, so none refers back into another; the stream's Adler-32 is combined from the
/// pieces' own, which zlib computed while compressing them.
/// </summary>
internal sealed class SplicedZlib(MemoryStream output, int level) : IDisposable
{
    private const uint Modulus = 65521; // Adler-32's
    private readonly MemoryStream _scratch = new(64 * 1024);
    private ZLibStream? _piece;
    private uint _adler = 1;
    private bool _started;

    /// <summary>A compressed piece: its deflate blocks (not final), the Adler-32 and the length of what it holds.</summary>
    internal sealed record Piece(byte[] Deflate, uint Adler, long Length);

    /// <summary><paramref name="data"/> compressed once, to be <see cref="Append"/>ed to many streams.</summary>
    public static Piece Compress(ReadOnlySpan<byte> data, int level)
    {
        using var scratch = new MemoryStream();
        var zlib = new ZLibStream(scratch, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
        zlib.Write(data);
        var (deflate, adler) = Close(zlib, scratch);
        return new Piece(deflate.ToArray(), adler, data.Length);
    }

    /// <summary>Starts a piece compressed for this stream alone: write to the stream returned, then <see cref="End"/> it.</summary>
    public Stream Begin()
    {
        _scratch.SetLength(0);
        return _piece = new ZLibStream(_scratch, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
    }

    /// <summary>Ends the piece <see cref="Begin"/> started, which held <paramref name="length"/> bytes, and appends it.</summary>
    public void End(long length)
    {
        var (deflate, adler) = Close(_piece!, _scratch);
        _piece = null;
        Append(deflate.Span, adler, length);
    }

    public void Append(Piece piece) => Append(piece.Deflate, piece.Adler, piece.Length);

    /// <summary>Ends the stream: an empty final block, then the Adler-32 of everything appended.</summary>
    public void Finish()
    {
        Header();
        output.Write([0x03, 0x00]); // BFINAL, fixed codes, end of block
        Span<byte> adler = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, _adler);
        output.Write(adler);
    }

    public void Dispose()
    {
        _piece?.Dispose();
        _scratch.Dispose();
    }

    private void Append(ReadOnlySpan<byte> deflate, uint adler, long length)
    {
        Header();
        output.Write(deflate);
        _adler = Combine(_adler, adler, length);
    }

    private void Header()
    {
        if (_started) return;
        output.Write([0x78, 0x01]); // deflate, 32 KB window, no dictionary; (0x78 * 256 + 0x01) % 31 == 0
        _started = true;
    }

    /// <summary>
    /// A piece's deflate blocks and Adler-32: the zlib stream up to its sync flush (byte-aligned, not
    /// final) without its two-byte header, and the checksum from the trailer its close writes.
    /// </summary>
    private static (ReadOnlyMemory<byte> Deflate, uint Adler) Close(ZLibStream zlib, MemoryStream scratch)
    {
        zlib.Flush(); // a sync flush: ends in an empty stored block, on a byte boundary
        var flushed = (int)scratch.Length;
        zlib.Dispose(); // the final block and the trailer
        var buffer = scratch.GetBuffer();
        var adler = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan((int)scratch.Length - 4, 4));
        return (buffer.AsMemory(2, flushed - 2), adler);
    }

    /// <summary>
    /// The Adler-32 of two pieces one after the other, from each one's and the second's length: with
    /// A = 1 + Σ bytes and B = Σ A after each byte, A = A₁ + A₂ − 1 and B = B₁ + B₂ + n₂ (A₁ − 1), modulo 65521.
    /// </summary>
    internal static uint Combine(uint first, uint second, long secondLength)
    {
        ulong a1 = first & 0xFFFF, b1 = first >> 16, a2 = second & 0xFFFF, b2 = second >> 16;
        var n = (ulong)(secondLength % Modulus);
        var a = (a1 + a2 + Modulus - 1) % Modulus;
        var b = (b1 + b2 + n * ((a1 + Modulus - 1) % Modulus)) % Modulus;
        return (uint)(b << 16 | a);
    }
}
