using System.Runtime.InteropServices;

namespace IomDirectory.Server.Routing;

/// <summary>
/// The unit half of routing: scores units by the lexicon concepts naming them and by their texts, into a
/// <see cref="RoutingScratch"/>, and sums them per contact (the unit with the mailbox that answers for them).
/// </summary>
public static class UnitScorer
{
    // Unit texts add at most TextCeiling: a lexicon concept (weight ~1) outranks a unit whose long name merely
    // shares many words with the question; text alone still routes what the lexicon does not cover.
    private const double TextCeiling = 1.2;
    private const double TextHalfAt = 8.0;
    private const double AlsoFactor = 0.5;

    /// <summary>
    /// Units score by the concepts naming them and by their texts; each contact then takes its best unit's score
    /// plus a little of every other unit it answers for. A unit's score is summed in the order of the concepts and of
    /// the question's stems, a contact's without any order (<see cref="AddToContact"/>): the same whatever the units' numbers.
    /// </summary>
    public static void Score(RoutingIndex index, QueryAnalysis analysis, RoutingScratch scratch)
    {
        foreach (var (concept, weight) in analysis.Concepts)
        {
            AddConcept(index.Units, scratch, concept, concept.Units, weight);
            AddConcept(index.Units, scratch, concept, concept.AlsoUnits, weight * AlsoFactor);
        }
        YieldToSubUnits(index.Units, scratch);
        // A stem all over a large directory tells no unit apart (UnitStems.IsUbiquitous): it counts only when the
        // question has nothing else, no concept and no other stem, and then the least common such stem does.
        Span<int> stems = analysis.ContentStems.Length <= 64 ? stackalloc int[analysis.ContentStems.Length] : new int[analysis.ContentStems.Length];
        var scored = 0;
        var fallback = -1;
        foreach (var stem in analysis.ContentStems)
        {
            if (index.Stems.Number(stem) is not (var number and >= 0)) continue;
            if (!index.Stems.IsUbiquitous(number)) stems[scored++] = number;
            else if (fallback < 0 || index.Stems.CountOf(number) < index.Stems.CountOf(fallback))
                fallback = number;
        }
        if (scored == 0 && fallback >= 0 && analysis.Concepts.Count == 0) stems[scored++] = fallback;
        index.Stems.AddTextScores(stems[..scored], scratch);

        var concepts = CollectionsMarshal.AsSpan(scratch.Concepts);
        foreach (var unit in CollectionsMarshal.AsSpan(scratch.Units.Touched))
        {
            ref var named = ref scratch.Units.Existing(unit);
            var score = concepts[named.ConceptSlot].Score;
            if (named.Text > 0) score += TextScore(named.Text);
            AddToContact(index.Units, scratch, unit, score);
        }
        var textUnits = scratch.TextUnits;
        foreach (var clause in CollectionsMarshal.AsSpan(scratch.TextClauses))
            for (var i = clause.Head; i >= 0; i = textUnits[i].Next)
                AddToContact(index.Units, scratch, textUnits[i].Unit, TextScore(textUnits[i].Text));
    }

    /// <summary>
    /// The most specific unit answers: a unit a concept names yields (keeps <see cref="AlsoFactor"/> of its concept score)
    /// to one of its own sub-units that another concept names ("campagne de vaccination … santé":
    /// the vaccination unit, not the whole Migration Health Division).
    /// </summary>
    private static void YieldToSubUnits(RoutingUnits units, RoutingScratch scratch)
    {
        var named = scratch.Units.Touched;
        if (named.Count < 2) return;
        Span<bool> yields = named.Count <= 64 ? stackalloc bool[named.Count] : new bool[named.Count];
        for (var a = 0; a < named.Count; a++)
        {
            for (var b = 0; b < named.Count && !yields[a]; b++)
                yields[a] = b != a && scratch.Concepts[scratch.Units.Existing(named[b]).ConceptSlot].BestScore > 0
                            && units.InChain(named[b], units[named[a]].Id);
        }
        for (var a = 0; a < named.Count; a++)
        {
            if (!yields[a]) continue;
            var slot = scratch.Units.Existing(named[a]).ConceptSlot;
            var (score, best, bestScore) = scratch.Concepts[slot];
            scratch.Concepts[slot] = (score * AlsoFactor, best, bestScore);
        }
    }

    private static double TextScore(double text) => TextCeiling * text / (text + TextHalfAt);

    /// <summary>
    /// A contact takes its best unit's score plus a fifth of every other unit's (<see cref="RoutingScratch.ContactScore"/>):
    /// fixed-point sums and the lowest id among equal best units, so that the order units come in does not matter.
    /// </summary>
    private static void AddToContact(RoutingUnits units, RoutingScratch scratch, int unit, double score)
    {
        ref var contact = ref scratch.Contacts[units.ContactOf(unit)];
        var fixedPoint = (long)Math.Round(score * RoutingScratch.ContactScore.Scale);
        contact.Sum += fixedPoint;
        if (contact.Units++ == 0 || fixedPoint > contact.Best
            || (fixedPoint == contact.Best && string.CompareOrdinal(units[unit].Id, units[contact.BestUnit].Id) < 0))
        {
            contact.Best = fixedPoint;
            contact.BestUnit = unit;
        }
    }

    private static void AddConcept(RoutingUnits units, RoutingScratch scratch, Concept concept, IReadOnlyList<string> ids, double added)
    {
        foreach (var id in ids)
        {
            if (!units.TryFind(id, out var unit)) continue;
            var slot = scratch.ConceptSlot(unit);
            var (score, best, bestScore) = scratch.Concepts[slot];
            scratch.Concepts[slot] = (score + added, added > bestScore ? concept : best, Math.Max(added, bestScore));
        }
    }
}
