using System.Globalization;
using PaperTrail.Content;

namespace EmbedProbe;

/// <summary>The papers' embeddings by title key: one line each, the key, a tab, the 384 floats as base64 (float32).</summary>
internal static class VectorCache
{
    public static string Key(Paper paper) => TitleKey.Of(paper.Title);

    public static string Text(Paper paper) => paper.Title.Trim() + ". " + paper.Abstract.Trim();

    public static Dictionary<string, float[]> Read(string file)
    {
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(file))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var bytes = Convert.FromBase64String(line[(tab + 1)..]);
            var v = new float[bytes.Length / 4];
            Buffer.BlockCopy(bytes, 0, v, 0, bytes.Length);
            vectors[line[..tab]] = v;
        }
        return vectors;
    }

    public static string Line(string key, float[] vector)
    {
        var bytes = new byte[vector.Length * 4];
        Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
        return key + "\t" + Convert.ToBase64String(bytes);
    }

    /// <summary>How many characters the vector takes in front matter as base64 of float16 and of int8 (with a float32 scale).</summary>
    public static (int Half, int Int8) StoredSizes(float[] vector)
    {
        var half = new byte[vector.Length * 2];
        for (var i = 0; i < vector.Length; i++) BitConverter.TryWriteBytes(half.AsSpan(i * 2), (Half)vector[i]);
        var int8 = new byte[vector.Length + 4];
        return (Convert.ToBase64String(half).Length, Convert.ToBase64String(int8).Length);
    }

    /// <summary>The vector as it would come back from int8 storage: scaled by its largest magnitude, rounded.</summary>
    public static float[] ThroughInt8(float[] v)
    {
        var scale = v.Max(Math.Abs) / 127f;
        return v.Select(x => (float)Math.Round(x / scale, MidpointRounding.ToEven) * scale).ToArray();
    }

    public static float[] ThroughHalf(float[] v) => v.Select(x => (float)(Half)x).ToArray();

    public static string Format(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
}
