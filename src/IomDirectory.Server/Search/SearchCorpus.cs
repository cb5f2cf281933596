using IomDirectory.Server.Routing;
using IomDirectory.Server.Text;
using IomDirectory.Server.Snapshots;
using IomDirectory.Server.Search.Internal;
namespace IomDirectory.Server.Search;

/// <summary>
/// What a <see cref="SearchIndex"/> is built from, numbered: the documents (offices, units, mailboxes, focal points,
/// committees) in the ordinal order of their ids (the ranking's tie-break; records of one id stay in that order of
/// kinds), each one's kind, the (field, weight) pairs as posting codes, and the postings (two passes, see
/// <see cref="PostingsBuilder"/>). Units come from the view's <see cref="UnitWords"/>, shared with the routing index;
/// the other records are few and their texts are gathered here.
/// </summary>
internal sealed class SearchCorpus
{
    private readonly List<SearchDocument> _documents = [];
    private readonly List<byte> _kinds = [];
    private readonly List<string> _kindNames = [];
    private readonly List<(string Name, double Weight)> _fields = [];

    /// <summary>A document to index: a unit of the unit words, or another record with its (code, text) pairs.</summary>
    private readonly record struct Source(SearchDocument Document, int Unit, List<(byte Code, string Text)>? Texts);

    public SearchCorpus(DirectoryView view, UnitWords words)
    {
        var unitCodes = SearchDocument.UnitFields.Select(f => Code(_fields, f, Postings.MaxCodes - 1)).ToArray();
        var sources = new List<Source>();
        Gather(SearchDocument.OfficeFields(view), sources);
        for (var unit = 0; unit < words.Units.Count; unit++)
            if (words.HasText(unit))
                sources.Add(new Source(new SearchDocument("unit", words.Units[unit].Id, words.Units[unit]), unit, null));
        Gather(SearchDocument.OtherFields(view), sources);
        Postings = Index(sources, InIdOrder(sources), words, unitCodes);
    }

    /// <summary>
    /// A few documents of a view (a delta tier, see <see cref="SearchDelta"/>), given in id order
    /// (<see cref="SearchDocument.InIdOrder"/>), each read as a full build reads it; one without text is left out.
    /// </summary>
    public SearchCorpus(DirectoryView view, IEnumerable<SearchDocument> documents)
    {
        var sources = new List<Source>();
        Gather(documents.SelectMany(d => SearchDocument.Fields(d, view.Offices, view.Functions)), sources);
        Postings = Index(sources, [.. Enumerable.Range(0, sources.Count)], null, []);
    }

    public IReadOnlyList<SearchDocument> Documents => _documents;
    public IReadOnlyList<byte> Kinds => _kinds;
    public IReadOnlyList<string> KindNames => _kindNames;
    public IReadOnlyList<(string Name, double Weight)> Fields => _fields;
    public Postings Postings { get; }

    /// <summary>Numbers the sources in the given order and indexes their terms, in the builder's two passes.</summary>
    private Postings Index(List<Source> sources, int[] order, UnitWords? words, byte[] unitCodes)
    {
        var builder = new PostingsBuilder(code => _fields[code].Weight);
        foreach (var source in order) Record(sources[source].Document);
        var memo = new TermMemo<int>(raw => [.. SearchIndex.Terms(raw).Select(builder.Id)]);
        var terms = new List<int>();
        var termsOfWord = new int[]?[words?.Words.Count ?? 0];
        for (var pass = 0; pass < 2; pass++)
        {
            if (pass == 1) builder.StartFilling();
            for (var document = 0; document < order.Length; document++)
            {
                var (_, unit, texts) = sources[order[document]];
                if (texts is null)
                {
                    foreach (var item in words!.Of(unit))
                    {
                        var word = UnitWords.WordOf(item);
                        var code = unitCodes[(int)UnitWords.FieldOf(item)];
                        foreach (var term in termsOfWord[word] ??= [.. SearchIndex.Terms(words.Words[word]).Select(builder.Id)])
                            builder.Add(document, term, code);
                    }
                    continue;
                }
                foreach (var (code, text) in texts)
                {
                    terms.Clear();
                    memo.AddTerms(text, terms);
                    foreach (var term in terms) builder.Add(document, term, code);
                }
            }
        }
        return builder.Build();
    }

    /// <summary>The records' texts, one source per record (the fields of a record come one after another).</summary>
    private void Gather(IEnumerable<(SearchDocument Document, string Field, double Weight, string Text)> fields, List<Source> sources)
    {
        SearchDocument? current = null;
        foreach (var (document, field, weight, text) in fields)
        {
            if (!ReferenceEquals(document, current))
            {
                current = document;
                sources.Add(new Source(document, -1, []));
            }
            sources[^1].Texts!.Add((Code(_fields, (field, weight), Postings.MaxCodes - 1), text));
        }
    }

    /// <summary>The sources by id (ordinal), in the order gathered on the same id.</summary>
    private static int[] InIdOrder(List<Source> sources)
    {
        var order = Enumerable.Range(0, sources.Count).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(sources[a].Document.Id, sources[b].Document.Id) is var byId and not 0 ? byId : a.CompareTo(b));
        return order;
    }

    private void Record(SearchDocument document)
    {
        _documents.Add(document);
        _kinds.Add(Code(_kindNames, document.Kind, 31));
    }

    private static byte Code<T>(List<T> codes, T value, int max)
    {
        var code = codes.IndexOf(value);
        if (code >= 0) return (byte)code;
        if (codes.Count > max) throw new InvalidOperationException($"More than {max + 1} distinct {typeof(T).Name} values in the search index.");
        codes.Add(value);
        return (byte)(codes.Count - 1);
    }
}
