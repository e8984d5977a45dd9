using System.Security.Cryptography;
using System.Text;
using PaperTrail.Errors;

namespace PaperTrail.Output;

/// <summary>
/// A file the build keeps for the next one (a cache, a manifest), ending with the SHA-256 of what it
/// holds: a last line <c>sha256 &lt;64 hex digits&gt;</c>. A reader gets the bytes only when they are
/// the bytes written; a file cut short, damaged by a disk or edited by hand is told apart from one
/// that is simply missing, and the build warns once and works that part out again. Whatever such a
/// file holds, its parser never sees it: parsers of these files trust their lengths and counts.
/// Hashing costs under 1 ms a megabyte (SHA-NI): about 25 ms for the 28 MB cache of 10,000 papers.
/// </summary>
internal static class CheckedFile
{
    private static readonly byte[] Mark = "sha256 "u8.ToArray();

    /// <summary>The mark, 64 hex digits and a newline.</summary>
    private static readonly int TrailerLength = Mark.Length + 64 + 1;

    /// <summary>What checking a file found: whether it is there and whole, and why not when it is damaged or unreadable.</summary>
    /// <param name="Length">The length of what was written, before the checksum.</param>
    internal sealed record Contents(string Path, bool Found, long Length, string? Damage)
    {
        /// <summary>The file, to read what was written (readers stop at <see cref="Length"/>: the binary ones read their own structure, which ends there).</summary>
        public FileStream Open() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);

        /// <summary>The lines written ("\n"), for the text manifests: every line of the file but the checksum, the last.</summary>
        public IEnumerable<string> Lines()
        {
            string? previous = null;
            foreach (var line in File.ReadLines(Path, Encoding.UTF8))
            {
                if (previous is not null) yield return previous;
                previous = line;
            }
        }
    }

    /// <summary>
    /// Checks a file, reading it once, a megabyte at a time (no buffer of its size: a cache of tens of
    /// megabytes read into one array set off full collections of the garbage collector). Missing: not
    /// found, no damage. The bytes are read again by its parser, from the page cache.
    /// </summary>
    public static Contents Read(string path, CancellationToken cancel = default)
    {
        try
        {
            if (!File.Exists(path)) return new(path, false, 0, null);
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = RandomAccess.GetLength(handle) - TrailerLength;
            if (length < 0) return Damaged(path);
            Span<byte> trailer = stackalloc byte[TrailerLength];
            if (RandomAccess.Read(handle, trailer, length) != TrailerLength || !trailer.StartsWith(Mark) || trailer[^1] != (byte)'\n') return Damaged(path);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
            try
            {
                for (long at = 0; at < length;)
                {
                    cancel.ThrowIfCancellationRequested();
                    var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - at)), at);
                    if (read == 0) return Damaged(path);
                    hash.AppendData(buffer, 0, read);
                    at += read;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
            Span<byte> hex = stackalloc byte[64];
            Convert.TryToHexStringLower(hash.GetHashAndReset(), hex, out _);
            return trailer.Slice(Mark.Length, 64).SequenceEqual(hex) ? new(path, true, length, null) : Damaged(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(path, false, 0, $"{DisplayPath.Of(path)} cannot be read ({e.Message})");
        }
    }

    private static Contents Damaged(string path) => new(path, false, 0, $"{DisplayPath.Of(path)} is damaged: its checksum does not match its bytes");

    /// <summary>Writes a file atomically (<see cref="AtomicFile"/>), the checksum of what <paramref name="write"/> wrote after it.</summary>
    public static void Write(string path, Action<Stream> write) =>
        AtomicFile.Write(path, stream => WriteTo(stream, write), durable: false);

    /// <summary>Writes into an open stream what <paramref name="write"/> writes, then the checksum.</summary>
    public static void WriteTo(Stream stream, Action<Stream> write)
    {
        using var hashing = new HashingStream(stream);
        write(hashing);
        hashing.Flush();
        Span<byte> hex = stackalloc byte[64];
        Convert.TryToHexStringLower(hashing.Hash(), hex, out _);
        stream.Write(Mark);
        stream.Write(hex);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>Passes writes on to a stream and hashes them; writes only, forward only.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public byte[] Hash() => _hash.GetHashAndReset();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            inner.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush() => inner.Flush();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
