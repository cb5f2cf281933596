using FluentValidation;
using IomDirectory.Server.Domain;
using IomDirectory.Server.Features.Admin.Common;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.Admin.Coverage;

public sealed class SetCoverageCommandValidator : AbstractValidator<SetCoverageCommand>
{
    public SetCoverageCommandValidator(AdminView admin)
    {
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            var view = admin.At(c.Write);
            if (!view.Offices.TryGetValue(c.OfficeId, out var office))
                context.AddFailure("office_id", $"office '{c.OfficeId}' does not exist at the effective date");
            else if (office.Type is not (OfficeType.RegionalOffice or OfficeType.SubRegionalOffice))
                context.AddFailure("office_id", $"'{c.OfficeId}' is a {office.Type}; only regional and sub-regional offices cover countries");
            if (!ListRules.CheckSize(c.Countries, "country_codes", ListRules.MaxCountries, context.AddFailure)) return;
            for (var i = 0; i < c.Countries.Count; i++)
                if (view.Snapshot.Countries.ByCode(c.Countries[i].Trim()) is null)
                    context.AddFailure($"country_codes[{i}]", $"'{c.Countries[i]}' is not an ISO 3166-1 alpha-2 country code");
        });
    }
}
