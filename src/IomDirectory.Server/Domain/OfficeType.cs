namespace IomDirectory.Server.Domain;

public enum OfficeType
{
    Headquarters = 1,
    RegionalOffice = 2,
    SubRegionalOffice = 3,
    GlobalOffice = 4,
    Copa = 5,
    AdministrativeCentre = 6,
    CountryOffice = 7,
    SubOffice = 8,
    SpecialLiaisonOffice = 9,
}
