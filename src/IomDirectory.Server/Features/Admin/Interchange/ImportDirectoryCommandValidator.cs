using IomDirectory.Server.Features.Admin.Common;
using FluentValidation;

namespace IomDirectory.Server.Features.Admin.Interchange;

/// <summary>The request itself; the document is checked by <see cref="ImportPlanner"/>, which has to read it anyway.</summary>
public sealed class ImportDirectoryCommandValidator : AbstractValidator<ImportDirectoryCommand>
{
    public ImportDirectoryCommandValidator()
    {
        RuleFor(c => c.Content.Length).GreaterThan(0)
            .WithMessage("content is required: one JSON document in the data/ format").OverridePropertyName("content");
        When(c => !c.DryRun, () => this.WriteContextRules(prefix: ""));
    }
}
