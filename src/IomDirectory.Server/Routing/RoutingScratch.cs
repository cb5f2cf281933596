namespace IomDirectory.Server.Routing;

/// <summary>
/// One question's running scores over the units of a <see cref="RoutingUnits"/>, rented from the index's pool:
/// per unit its concept score (a slot in <see cref="Concepts"/>) and text score, per contact its aggregate. Units and
/// contacts are listed in the order first touched, which fixes the order scores are summed in and is what
/// <see cref="Clear"/> resets.
/// </summary>
public sealed class RoutingScratch(int units)
{
    private readonly int[] _conceptSlot = new int[units];
    private readonly bool[] _unitTouched = new bool[units];
    private readonly bool[] _contactTouched = new bool[units];

    public double[] Text { get; } = new double[units];
    public double[] Raw { get; } = new double[units];
    public double[] Best { get; } = new double[units];
    public int[] BestUnit { get; } = new int[units];

    /// <summary>Units scored, in the order first touched.</summary>
    public List<int> Units { get; } = [];

    /// <summary>Contacts scored, in the order first touched.</summary>
    public List<int> Contacts { get; } = [];

    /// <summary>Per unit scored by concepts: its total, its best concept and that concept's share.</summary>
    public List<(double Score, Concept? Best, double BestScore)> Concepts { get; } = [];

    public int ConceptSlotOf(int unit) => _conceptSlot[unit] - 1;

    /// <summary>The unit's slot in <see cref="Concepts"/>, made on first use.</summary>
    public int ConceptSlot(int unit)
    {
        Touch(unit);
        if (_conceptSlot[unit] == 0)
        {
            Concepts.Add((0, null, 0));
            _conceptSlot[unit] = Concepts.Count;
        }
        return _conceptSlot[unit] - 1;
    }

    public void AddText(int unit, double weight)
    {
        Touch(unit);
        Text[unit] += weight;
    }

    /// <summary>Starts the contact's aggregate at zero on first use.</summary>
    public void TouchContact(int contact)
    {
        if (_contactTouched[contact]) return;
        _contactTouched[contact] = true;
        Contacts.Add(contact);
    }

    public void Clear()
    {
        foreach (var unit in Units)
        {
            _unitTouched[unit] = false;
            _conceptSlot[unit] = 0;
            Text[unit] = 0;
        }
        foreach (var contact in Contacts)
        {
            _contactTouched[contact] = false;
            Raw[contact] = 0;
            Best[contact] = 0;
            BestUnit[contact] = 0;
        }
        Units.Clear();
        Contacts.Clear();
        Concepts.Clear();
    }

    private void Touch(int unit)
    {
        if (_unitTouched[unit]) return;
        _unitTouched[unit] = true;
        Units.Add(unit);
    }
}
