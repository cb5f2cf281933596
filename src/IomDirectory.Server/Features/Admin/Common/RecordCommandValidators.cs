using FluentValidation;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Changes;
namespace IomDirectory.Server.Features.Admin.Common;

/// <summary>Checks a record's fields against the org chart at the effective date, reporting (field path, message).</summary>
/// <remarks>The mask says which fields the command sets (<see cref="FieldMask.All"/> for a create), so rules can check the values that will result.</remarks>
public delegate void RecordCheck<in TCommand>(TCommand command, DirectoryView view, FieldMask mask, Action<string, string> fail);

/// <summary>What every create validates: a new, well-formed id never used before, a write context, and the record's own rules.</summary>
public abstract class CreateRecordValidator<TCommand> : AbstractValidator<TCommand> where TCommand : IWriteCommand
{
    protected CreateRecordValidator(AdminView admin, Func<TCommand, string> id, RecordCheck<TCommand> check)
    {
        this.NewIdRules(id);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            var view = admin.At(c.Write);
            if (AdminIds.Taken(view.Snapshot, id(c)))
                context.AddFailure("id", $"id '{id(c)}' is already used (ids are never reused, even after a record is retired)");
            check(c, view, FieldMask.All, context.AddFailure);
        });
    }
}

/// <summary>What every update validates: the id, the version read, the write context, the mask's paths, and the record's own rules for the fields it sets.</summary>
public abstract class UpdateRecordValidator<TCommand> : AbstractValidator<TCommand> where TCommand : IWriteCommand
{
    protected UpdateRecordValidator(AdminView admin, string kind, Func<TCommand, string> id, Func<TCommand, long> expectedVersion,
        Func<TCommand, FieldMask> mask, IReadOnlySet<string> paths, RecordCheck<TCommand> check)
    {
        RuleFor(c => id(c)).NotEmpty().WithMessage("id is required").OverridePropertyName("id");
        this.ExpectedVersionRule(expectedVersion);
        this.WriteContextRules();
        RuleFor(c => c).Custom((c, context) =>
        {
            if (!Features.Common.ListRules.CheckSize(mask(c).Paths, "update_mask.paths", Features.Common.ListRules.MaxMaskPaths, context.AddFailure))
                return;
            foreach (var path in mask(c).Unknown(paths))
                context.AddFailure("update_mask", $"'{path}' is not a field of {kind} that can be updated" + (path.StartsWith("parent_unit", StringComparison.Ordinal) ? " (use MoveUnit)" : ""));
            check(c, admin.At(c.Write), mask(c), context.AddFailure);
        });
    }
}
