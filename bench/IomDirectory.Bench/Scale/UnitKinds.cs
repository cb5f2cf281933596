namespace IomDirectory.Bench.Scale;

/// <summary>The unit kind of each tree level of the synthetic org and its label in EN/FR/ES.</summary>
public static class UnitKinds
{
    private static readonly (string Kind, string En, string Fr, string Es)[] ByDepth =
    [
        ("office_of_dg", "Office", "Bureau", "Oficina"),
        ("department", "Department", "Département", "Departamento"),
        ("division", "Division", "Division", "División"),
        ("unit", "Unit", "Unité", "Unidad"),
        ("workstream", "Workstream", "Axe de travail", "Línea de trabajo"),
        ("function", "Function", "Fonction", "Función"),
        ("function", "Desk", "Pôle", "Mesa"),
    ];

    public static string Kind(int depth) => ByDepth[Math.Min(depth, ByDepth.Length - 1)].Kind;

    public static string Label(int depth, string language)
    {
        var k = ByDepth[Math.Min(depth, ByDepth.Length - 1)];
        return language switch { "fr" => k.Fr, "es" => k.Es, _ => k.En };
    }
}
