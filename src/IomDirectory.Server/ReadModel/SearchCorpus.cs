namespace IomDirectory.Server.ReadModel;

/// <summary>
/// What a <see cref="SearchIndex"/> is built from, numbered: the documents (offices, units, mailboxes, focal points,
/// committees, in that order), each one's kind, the (field, weight) pairs as posting codes, and the postings (two
/// passes, see <see cref="PostingsBuilder"/>). Units come from the view's <see cref="UnitWords"/>, shared with the
/// routing index; the other records are few and are read here.
/// </summary>
internal sealed class SearchCorpus
{
    private readonly List<SearchDocument> _documents = [];
    private readonly List<byte> _kinds = [];
    private readonly List<string> _kindNames = [];
    private readonly List<(string Name, double Weight)> _fields = [];
    private readonly PostingsBuilder _builder;
    private int _document = -1;

    public SearchCorpus(DirectoryView view, UnitWords words)
    {
        _builder = new PostingsBuilder(code => _fields[code].Weight);
        var memo = new TermMemo<int>(raw => [.. SearchIndex.Terms(raw).Select(_builder.Id)]);
        var terms = new List<int>();
        void AddFields(IEnumerable<(SearchDocument Document, string Field, double Weight, string Text)> fields)
        {
            SearchDocument? current = null;
            foreach (var (document, field, weight, text) in fields)
            {
                if (!ReferenceEquals(document, current))
                {
                    current = document;
                    if (IsNew()) Record(document);
                }
                var code = Code(_fields, (field, weight), Postings.MaxCodes - 1);
                terms.Clear();
                memo.AddTerms(text, terms);
                foreach (var term in terms) _builder.Add(_document, term, code);
            }
        }
        var termsOfWord = new int[]?[words.Words.Count];
        for (var pass = 0; pass < 2; pass++)
        {
            if (pass == 1) _builder.StartFilling();
            _document = -1;
            AddFields(SearchDocument.OfficeFields(view));
            AddUnits(words, termsOfWord);
            AddFields(SearchDocument.OtherFields(view));
        }
        Postings = _builder.Build();
    }

    public IReadOnlyList<SearchDocument> Documents => _documents;
    public IReadOnlyList<byte> Kinds => _kinds;
    public IReadOnlyList<string> KindNames => _kindNames;
    public IReadOnlyList<(string Name, double Weight)> Fields => _fields;
    public Postings Postings { get; }

    /// <summary>Units with any text, each distinct word's terms worked out once.</summary>
    private void AddUnits(UnitWords words, int[]?[] termsOfWord)
    {
        var codes = SearchDocument.UnitFields.Select(f => Code(_fields, f, Postings.MaxCodes - 1)).ToArray();
        for (var unit = 0; unit < words.Units.Count; unit++)
        {
            if (!words.HasText(unit)) continue;
            var record = words.Units[unit];
            if (IsNew()) Record(new SearchDocument("unit", record.Id, record));
            foreach (var item in words.Of(unit))
            {
                var word = UnitWords.WordOf(item);
                var code = codes[(int)UnitWords.FieldOf(item)];
                foreach (var term in termsOfWord[word] ??= [.. SearchIndex.Terms(words.Words[word]).Select(_builder.Id)])
                    _builder.Add(_document, term, code);
            }
        }
    }

    /// <summary>Moves to the next document: new in the first pass, seen again in the second.</summary>
    private bool IsNew() => ++_document == _documents.Count;

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
