using PaperTrail.Rendering;
using SkiaSharp;

namespace PaperTrail.Tests.Rendering;

/// <summary>
/// Share cards are encoded by our own PNG writer: whatever a card holds, a browser (here Skia's
/// decoder, libpng, which checks every chunk's CRC and the zlib checksum) reads back the very pixels drawn.
/// </summary>
public sealed class PngWriterTests
{
    [Theory]
    [InlineData(1200, 630)]
    [InlineData(7, 3)] // narrower than one shuffled step of four pixels
    [InlineData(5, 1)]
    public void A_picture_reads_back_as_the_pixels_drawn(int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(new SKColor(0xfd, 0xfd, 0xfc));
            paint.Color = new SKColor(0x0b, 0x57, 0xd0);
            canvas.DrawRect(0, 0, width, height / 3f, paint); // rows equal to the row above
            paint.Color = new SKColor(0xc0, 0x10, 0x20);
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, paint); // antialiased edges, every row its own
            paint.Color = new SKColor(0x1c, 0x1d, 0x1f);
            canvas.DrawLine(0, height - 1, width, 0, paint);
        }
        var png = PngWriter.Encode(bitmap.GetPixelSpan(), width, height, bitmap.RowBytes);
        // The image data is one zlib stream whose checksum holds (the runtime's zlib checks it at its end).
        Assert.Equal(height * (1 + 3 * width), Inflate(Idat(png)).Length);

        using var decoded = SKBitmap.Decode(png);
        Assert.NotNull(decoded);
        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                Assert.True(bitmap.GetPixel(x, y) == decoded.GetPixel(x, y), $"pixel ({x}, {y}): drawn {bitmap.GetPixel(x, y)}, read {decoded.GetPixel(x, y)}");
    }

    /// <summary>The PNG's image data: its IDAT chunks' contents, in order.</summary>
    private static byte[] Idat(byte[] png)
    {
        var data = new List<byte>();
        for (var at = 8; at < png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (System.Text.Encoding.ASCII.GetString(png, at + 4, 4) == "IDAT") data.AddRange(png.AsSpan(at + 8, length));
            at += 12 + length;
        }
        return [.. data];
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var input = new System.IO.Compression.ZLibStream(new MemoryStream(zlib), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
