namespace IomDirectory.Server.Domain;

public enum UnitKind
{
    OfficeOfDg = 1,
    ExecutiveOffice = 2,
    DeputyDgOffice = 3,
    Department = 4,
    Division = 5,
    Unit = 6,
    Office = 7,
    Institute = 8,
    Centre = 9,
    Workstream = 10,
    Function = 11,
}
