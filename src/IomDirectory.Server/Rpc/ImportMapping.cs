using System.Globalization;
using IomDirectory.Contracts.V1;
using IomDirectory.Server.Features.Admin.Interchange;

namespace IomDirectory.Server.Rpc;

/// <summary>
/// An import's outcome as <see cref="ImportDirectoryResponse"/>: each planned change with its changed attributes and,
/// for an update, their values now and in the document. The answer stays bounded: a value is cut at
/// <see cref="MaxValueLength"/> characters, and values stop once they hold as many characters as the largest import
/// request the server takes (<c>--Grpc:MaxReceiveMessageSize</c>); later changes keep their fields only.
/// </summary>
internal static class ImportMapping
{
    /// <summary>The longest value an answer carries whole; a longer one is cut and says how long it was.</summary>
    public const int MaxValueLength = 1000;

    public static ImportDirectoryResponse Response(ImportOutcome outcome, int valueBudget)
    {
        var response = new ImportDirectoryResponse { Applied = outcome.Applied, Unchanged = outcome.Unchanged, Sequence = outcome.Sequence };
        var spent = 0;
        foreach (var change in outcome.Changes)
        {
            var message = new RecordChange { Kind = change.Kind, Id = change.Id, Change = change.Change };
            message.Fields.AddRange(change.Fields);
            var values = change.Values.Select(v => new FieldChange { Field = v.Field, OldValue = Cut(v.Old), NewValue = Cut(v.New) }).ToList();
            var size = values.Sum(v => v.OldValue.Length + v.NewValue.Length);
            if (values.Count > 0 && (response.ChangesWithoutValues > 0 || spent + size > valueBudget))
            {
                response.ChangesWithoutValues++;   // the budget is spent: this change and every later one keep their fields only
            }
            else
            {
                message.Values.AddRange(values);
                spent += size;
            }
            response.Changes.Add(message);
        }
        return response;
    }

    /// <summary>The value, or its first <see cref="MaxValueLength"/> characters and "… [N characters in all]".</summary>
    public static string Cut(string value)
    {
        if (value.Length <= MaxValueLength) return value;
        var kept = char.IsHighSurrogate(value[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;   // never half a character
        return string.Concat(value.AsSpan(0, kept), "… [", value.Length.ToString(CultureInfo.InvariantCulture), " characters in all]");
    }
}
