using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Text;
namespace IomDirectory.Server.Routing;

/// <summary>
/// One question's running scores over the units of a <see cref="RoutingUnits"/>, rented from the index's pool:
/// for each unit a concept names, its concept slot and text score; the other units their texts match, with their text
/// scores (<see cref="TextUnits"/>); per contact its aggregate. Each is listed in the order first touched, which fixes
/// the order scores are summed in.
/// </summary>
public sealed class RoutingScratch(int units, int contacts)
{
    /// <summary>How many unit numbers <see cref="UnitStems.AddTextScores"/> reads at a time (a window): a power of two.</summary>
    public const int TextWindow = 2048;

    private static readonly (double Score, Concept? Best, double BestScore) NoConcept = (0, null, 0);

    public struct UnitScore : IStamped
    {
        public double Text;
        /// <summary>The unit's slot in <see cref="Concepts"/>; slot 0 is "no concept names it".</summary>
        public int ConceptSlot;

        public int Stamp { get; set; }
    }

    /// <summary>
    /// A contact's aggregate: its best unit's score plus a fifth of every other unit's it answers for. The scores are
    /// summed as fixed-point integers (2^-32, as Search.Internal.TopHits does) and the best unit on a tie is the one with
    /// the lowest id, so the aggregate does not depend on the order the units are added in, hence not on how an index
    /// numbers them (a fresh build and an incremental one number them differently).
    /// </summary>
    public struct ContactScore : IStamped
    {
        public const double Scale = 4294967296.0;

        /// <summary>All its units' scores, fixed-point.</summary>
        public long Sum;
        /// <summary>Its best unit's score, fixed-point.</summary>
        public long Best;
        public int BestUnit;
        /// <summary>How many units were added.</summary>
        public int Units;

        public readonly double Raw => Best / Scale + 0.2 * ((Sum - Best) / Scale);

        public int Stamp { get; set; }
    }

    /// <summary>
    /// A stretch of one stem's posting list that weighs the same (a segment), read window by window; the units it is
    /// the first to reach are chained from <see cref="Head"/> through <see cref="TextUnit.Next"/>. The list is the base's
    /// (<see cref="Stem"/> numbered there), or with <see cref="Delta"/> the delta's of an incremental index (a term of it).
    /// </summary>
    public struct TextClause(int stem, int start, int end, double weight, bool delta = false)
    {
        public readonly int Stem = stem;
        public readonly bool Delta = delta;
        public readonly int End = end;
        public readonly double Weight = weight;
        public int Position = start;
        public int Head = -1;
        public int Tail = -1;
    }

    /// <summary>A unit matched by texts alone with its text score, and the next such unit of the same clause (or -1).</summary>
    public record struct TextUnit(double Text, int Unit, int Next);

    /// <summary>The units concepts name (entries made by <see cref="ConceptSlot"/>), in the order first named.</summary>
    public TouchedScores<UnitScore> Units { get; } = new(units);

    /// <summary>By contact number (<see cref="RoutingUnits.ContactOf"/>).</summary>
    public TouchedScores<ContactScore> Contacts { get; } = new(contacts);

    /// <summary>The segments of the stems being read, in reading order.</summary>
    public List<TextClause> TextClauses { get; } = [];

    /// <summary>Text scores of the window being read (zero outside a read).</summary>
    public double[] WindowText { get; } = new double[TextWindow];

    /// <summary>Per unit of the window, the first clause reaching it, <see cref="int.MaxValue"/> for a named unit, -1 for none.</summary>
    public int[] WindowFirst { get; } = NewWindowFirst();

    /// <summary>The units of the window the clauses reach, in the order first reached (window offsets).</summary>
    public int[] WindowReached { get; } = new int[TextWindow];

    private TextUnit[] _textUnits = new TextUnit[64];
    private int _textUnitCount;
    private int[] _named = new int[16];

    /// <summary>
    /// The units matched by texts alone, chained per clause: the order the lists first reach them is clause by clause
    /// (<see cref="TextClauses"/>), each from its <see cref="TextClause.Head"/> along <see cref="TextUnit.Next"/>.
    /// </summary>
    public ReadOnlySpan<TextUnit> TextUnits => _textUnits.AsSpan(0, _textUnitCount);

    /// <summary>Chains a unit to the clause that first reached it.</summary>
    public void AddTextUnit(ref TextClause clause, int unit, double text)
    {
        if (_textUnitCount == _textUnits.Length) Array.Resize(ref _textUnits, _textUnits.Length * 2);
        _textUnits[_textUnitCount] = new TextUnit(text, unit, -1);
        if (clause.Tail >= 0) _textUnits[clause.Tail].Next = _textUnitCount;
        else clause.Head = _textUnitCount;
        clause.Tail = _textUnitCount++;
    }

    /// <summary>The units concepts name, by unit number.</summary>
    public ReadOnlySpan<int> NamedUnitsByNumber()
    {
        var count = Units.Touched.Count;
        if (_named.Length < count) _named = new int[Math.Max(count, _named.Length * 2)];
        Units.Touched.CopyTo(_named);
        var named = _named.AsSpan(0, count);
        named.Sort();
        return named;
    }

    /// <summary>Per unit scored by concepts: its total, its best concept and that concept's share.</summary>
    public List<(double Score, Concept? Best, double BestScore)> Concepts { get; } = [NoConcept];

    /// <summary>The unit's slot in <see cref="Concepts"/>, made on first use.</summary>
    public int ConceptSlot(int unit)
    {
        ref var score = ref Units[unit];
        if (score.ConceptSlot == 0)
        {
            score.ConceptSlot = Concepts.Count;
            Concepts.Add(NoConcept);
        }
        return score.ConceptSlot;
    }

    public void Clear()
    {
        Units.Clear();
        Contacts.Clear();
        Concepts.Clear();
        Concepts.Add(NoConcept);
        TextClauses.Clear();
        _textUnitCount = 0;
    }

    private static int[] NewWindowFirst()
    {
        var first = new int[TextWindow];
        Array.Fill(first, -1);
        return first;
    }
}
