using FluentValidation;
using IomDirectory.Server.Features.Common;

namespace IomDirectory.Server.Features.History;

public sealed class GetRecordHistoryQueryValidator : AbstractValidator<GetRecordHistoryQuery>
{
    public GetRecordHistoryQueryValidator()
    {
        RuleFor(q => q.Kind).Must(k => GetRecordHistoryQuery.Kinds.Contains(k))
            .WithMessage($"kind must be one of {string.Join(", ", GetRecordHistoryQuery.Kinds.Select(k => $"\"{k}\""))}").OverridePropertyName("kind");
        RuleFor(q => q.Id).RequiredId("id");
        this.ReadContextRules();
    }
}
