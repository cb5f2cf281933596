using FluentValidation;
using IomDirectory.Server.Webhooks;

namespace IomDirectory.Server.Features.Admin.Webhooks;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        this.IdRules(q => q.Id);
        RuleFor(q => q.MaxResults).InclusiveBetween(0, WebhookOptions.KeptDeliveries)
            .WithMessage($"max_results is 0 (meaning {ListWebhookDeliveriesQuery.DefaultResults}) to {WebhookOptions.KeptDeliveries}")
            .OverridePropertyName("max_results");
    }
}
