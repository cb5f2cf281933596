using IomDirectory.Server.ReadModel;

namespace IomDirectory.Server.Routing;

/// <summary>
/// One question's running scores over the units of a <see cref="RoutingUnits"/>, rented from the index's pool:
/// per unit its text score and concept slot, per contact its aggregate, each listed in the order first touched,
/// which fixes the order scores are summed in.
/// </summary>
public sealed class RoutingScratch(int units)
{
    private static readonly (double Score, Concept? Best, double BestScore) NoConcept = (0, null, 0);

    public struct UnitScore : IStamped
    {
        public double Text;
        /// <summary>The unit's slot in <see cref="Concepts"/>; slot 0 is "no concept names it".</summary>
        public int ConceptSlot;

        public int Stamp { get; set; }
    }

    public struct ContactScore : IStamped
    {
        public double Raw;
        public double Best;
        public int BestUnit;

        public int Stamp { get; set; }
    }

    public TouchedScores<UnitScore> Units { get; } = new(units);

    public TouchedScores<ContactScore> Contacts { get; } = new(units);

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
    }
}
