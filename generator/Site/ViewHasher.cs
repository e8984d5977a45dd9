using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PaperTrail.Content;

namespace PaperTrail.Site;

/// <summary>
/// A hash of the values an output is made from: its input record (<see cref="PlannedOutput.Input"/>),
/// records of the archive, plain values. Objects are walked by their public properties, so a field
/// added to an input or to <see cref="Paper"/> is part of the hash without anyone remembering to add
/// it. An incremental build renders an output again only when this hash differs from the one
/// recorded with its last render (<c>Incremental/RenderManifest</c>).
/// </summary>
internal sealed class ViewHasher
{
    // What hashing needs of a type, looked up once: in a native build each Type.FullName or Namespace
    // is decoded from metadata into a new string, and asking them of every value hashed was a third of
    // the hashing (3% of a new day's processor time at 10,000 papers).
    private static readonly ConcurrentDictionary<Type, TypeShape> Shapes = new();

    /// <summary>A type's name as hashed, whether its values are walked member by member, and those members (read when first asked for).</summary>
    private sealed class TypeShape(Type type, bool walked)
    {
        private MemberInfo[]? _members;

        public string? FullName { get; } = type.FullName;

        public bool Walked { get; } = walked;

        public MemberInfo[] Members => _members ??= PublicMembers(type);
    }

    // The values are laid out in a buffer and hashed in one call at the end: tens of thousands of
    // pages each hash a few hundred small values, and one call per value cost more than the hashing.
    // Buffers are reused per thread, as a stack: a value's own hash (a paper's fingerprint) may be
    // made in the middle of another's, and a fresh 4 KB buffer for each of those was most of what
    // hashing ten thousand pages allocated.
    [ThreadStatic] private static Stack<ArrayBufferWriter<byte>>? t_buffers;
    private readonly ArrayBufferWriter<byte> _buffer;

    private ViewHasher(ArrayBufferWriter<byte> buffer) => _buffer = buffer;

    /// <summary>An output's stamp: the hash that decides whether it is rendered (<see cref="Fingerprint"/>) and its parts' (<see cref="Parts"/>).</summary>
    public static OutputStamp Stamp(string maker, string path, object input) => new(Fingerprint(maker, path, input), Parts(input));

    /// <summary>The hash of an output's maker, path and input: what decides whether it is rendered again.</summary>
    public static UInt128 Fingerprint(string maker, string path, object input) => Of(maker, path, input);

    /// <summary>
    /// The first 32 bits of the hash of each part of an input (each public member of a record, else the
    /// input whole), as "1a2b3c4d.5e6f7a8b": kept with an output's render (<c>Incremental/RenderManifest</c>),
    /// they say which parts changed when it is rendered again. Made only for outputs rendered.
    /// </summary>
    public static string Parts(object input)
    {
        var members = IsWalked(input) ? ShapeOf(input.GetType()).Members : [];
        var parts = new UInt128[Math.Max(1, members.Length)];
        if (members.Length == 0) parts[0] = Of(input);
        else for (var i = 0; i < members.Length; i++) parts[i] = Of(ValueOf(members[i], input));
        return string.Create(parts.Length * 9 - 1, parts, static (chars, parts) =>
        {
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0) chars[i * 9 - 1] = '.';
                ((uint)(parts[i] >> 96)).TryFormat(chars.Slice(i * 9, 8), out _, "x8", System.Globalization.CultureInfo.InvariantCulture);
            }
        });
    }

    /// <summary>The names of an input's parts, in the order of <see cref="Stamp"/>: its public members, or none when it is hashed whole.</summary>
    public static IReadOnlyList<string> PartNames(object input) =>
        IsWalked(input) ? ShapeOf(input.GetType()).Members.Select(m => m.Name).ToList() : [];

    /// <summary>Whether a value is hashed by walking its public members (a record of the generator's), not as a value or a list.</summary>
    private static bool IsWalked(object value) => ShapeOf(value.GetType()).Walked;

    private static TypeShape ShapeOf(Type type) => Shapes.GetOrAdd(type, static type => new TypeShape(
        type,
        !typeof(string).IsAssignableFrom(type) && !typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IFormattable).IsAssignableFrom(type)
            && !typeof(SitePaper).IsAssignableFrom(type) && !typeof(Topic).IsAssignableFrom(type) && type != typeof(UInt128)
            && !typeof(System.Runtime.CompilerServices.ITuple).IsAssignableFrom(type) && !type.IsPrimitive
            && type.Namespace?.StartsWith("PaperTrail", StringComparison.Ordinal) == true));

    /// <summary>The hash of these values, in order: 128 bits of SHA-256.</summary>
    public static UInt128 Of(params object?[] values)
    {
        var buffers = t_buffers ??= new Stack<ArrayBufferWriter<byte>>();
        var buffer = buffers.TryPop(out var free) ? free : new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var hasher = new ViewHasher(buffer);
        foreach (var value in values) hasher.Add(value);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer.WrittenSpan, hash);
        buffers.Push(buffer);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private ViewHasher Add(object? value)
    {
        switch (value)
        {
            case null: Tag(0); break;
            case string s: Tag(1); Number(s.Length); _buffer.Write(MemoryMarshal.AsBytes(s.AsSpan())); break;
            case bool b: Tag(b ? (byte)2 : (byte)3); break;
            case int i: Tag(4); Number(i); break;
            case long l: Tag(5); Number(l); break;
            case double d: Tag(6); Number(BitConverter.DoubleToInt64Bits(d)); break;
            case DateOnly day: Tag(7); Number(day.DayNumber); break;
            case Enum e: Tag(8); Add(e.GetType().Name); Number(Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)); break;
            case byte[] bytes: Tag(9); Number(bytes.Length); _buffer.Write(bytes); break;
            case IFormattable other when other.GetType().IsPrimitive || other is decimal or DateTime or DateTimeOffset or TimeSpan:
                // Other plain values (float, char, short…) by their exact text; they have no members to walk.
                Tag(16); Add(other.GetType().Name); Add(other.ToString(null, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case UInt128 hash: Tag(15); BinaryPrimitives.WriteUInt128LittleEndian(_buffer.GetSpan(16), hash); _buffer.Advance(16); break;
            case SitePaper paper: Tag(10); Add(paper.Fingerprint); break;
            // A topic's name, description and rules are topics.yml's, in the shared hash of every output: its slug says which.
            case Topic topic: Tag(17); Add(topic.Slug); break;
            case Views.PaperView:
                // Its abstract is rendered Markdown and its card a rendered template: hashing it would cost
                // what it saves. It is made from the paper and its topics: hash the SitePaper instead.
                throw new InvalidOperationException("hash the SitePaper a PaperView is made from, not the view");
            case System.Runtime.CompilerServices.ITuple tuple:
                // A value tuple's items by index: a native build keeps no metadata of its fields to walk.
                Tag(18); Number(tuple.Length);
                for (var i = 0; i < tuple.Length; i++) Add(tuple[i]);
                break;
            case IDictionary dictionary:
                Tag(11); Number(dictionary.Count);
                foreach (DictionaryEntry entry in dictionary) Add(entry.Key).Add(entry.Value);
                break;
            case IEnumerable list:
                Tag(12);
                foreach (var item in list) Add(item);
                Tag(13);
                break;
            default:
                var type = value.GetType();
                var shape = ShapeOf(type);
                // A value with nothing to walk would hash as its type alone, equal whatever it holds.
                if (shape.Members.Length == 0) throw new InvalidOperationException($"no way to hash a {type.Name}: it has no public members");
                Tag(14); Add(shape.FullName);
                foreach (var member in shape.Members) Add(ValueOf(member, value));
                break;
        }
        return this;
    }

    private void Tag(byte tag)
    {
        _buffer.GetSpan(1)[0] = tag;
        _buffer.Advance(1);
    }

    private void Number(long n)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), n);
        _buffer.Advance(8);
    }

    /// <summary>A hash as 32 hex digits, for the manifests.</summary>
    public static string Hex(UInt128 hash) => hash.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParseHex(ReadOnlySpan<char> text, out UInt128 hash) =>
        UInt128.TryParse(text, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out hash) && text.Length == 32;

    // Public properties and fields (a value tuple's items are fields) by name, which is stable and
    // needs no metadata tokens (a native, ahead-of-time compiled generator has none); indexers left
    // out. The types walked are the generator's own, which its project roots so that trimming keeps
    // every member (Generator.csproj); value tuples are read by index, above.
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070",
        Justification = "The generator's assembly is a trimmer root: its types keep all their members.")]
    private static MemberInfo[] PublicMembers(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Cast<MemberInfo>()
            .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();

    private static object? ValueOf(MemberInfo member, object owner) =>
        member is PropertyInfo property ? property.GetValue(owner) : ((FieldInfo)member).GetValue(owner);
}

/// <summary>What an output was made from: the hash that decides whether it is rendered, and its parts' short hashes (<see cref="ViewHasher.Parts"/>), which say why.</summary>
internal readonly record struct OutputStamp(UInt128 Fingerprint, string Parts);
