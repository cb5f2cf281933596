using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// The shared tables a write changes in place of copying (<see cref="OverlayMap{TValue}"/>, <see cref="RecordList{T}"/>)
/// answer and enumerate exactly as a copy changed the plain way would, across many changes (and so across the folds of
/// their overlays): a snapshot's record order, and so every view's, depends on it.
/// </summary>
[TestFixture]
public sealed class OverlayMapTests
{
    [Test]
    public void RandomChanges_LeaveTheMapAsACopyChangedInPlaceWould([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, 300).Select(i => $"id-{i}").ToArray();
        var expected = ids.Take(200).Select(id => KeyValuePair.Create(id, 0)).ToList();
        var map = new OverlayMap<int>(expected);
        for (var change = 1; change <= 2000; change++)
        {
            var removed = Enumerable.Range(0, random.Next(3)).Select(_ => ids[random.Next(ids.Length)]).ToList();
            var set = Enumerable.Range(0, random.Next(4)).Select(_ => KeyValuePair.Create(ids[random.Next(ids.Length)], change)).ToList();
            set.RemoveAll(s => removed.Contains(s.Key));
            map = map.With(removed, set);
            expected.RemoveAll(e => removed.Contains(e.Key));
            foreach (var (id, value) in set)
            {
                var at = expected.FindIndex(e => e.Key == id);
                if (at >= 0) expected[at] = KeyValuePair.Create(id, value);
                else expected.Add(KeyValuePair.Create(id, value));
            }
            Assert.That(map.ToList(), Is.EqualTo(expected), $"change {change}");
            Assert.That(map, Has.Count.EqualTo(expected.Count));
            var id1 = ids[random.Next(ids.Length)];
            var known = expected.FindIndex(e => e.Key == id1);
            Assert.That(map.TryGetValue(id1, out var found), Is.EqualTo(known >= 0));
            if (known >= 0) Assert.That(found, Is.EqualTo(expected[known].Value));
        }
    }

    [Test]
    public void RandomChanges_LeaveTheRowsAsReplacingThemInAListWould([Values(1, 2)] int seed)
    {
        var random = new Random(seed);
        var ids = Enumerable.Range(0, 200).Select(i => $"id-{i}").ToArray();
        // Rows of one record need not be together in what was loaded: the shared list keeps them at the record's first row.
        List<(string Id, int Row)> expected = [.. Enumerable.Range(0, 300).Select(i => (ids[random.Next(150)], i))];
        var rows = RecordList<(string Id, int Row)>.Of(expected, r => r.Id);
        expected = [.. expected.GroupBy(r => r.Id).SelectMany(g => g)];
        Assert.That(rows.ToList(), Is.EqualTo(expected));
        for (var change = 1; change <= 1000; change++)
        {
            var changed = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => ids[random.Next(ids.Length)]).ToHashSet();
            List<(string Id, int Row)> fresh = [.. changed.SelectMany(id => Enumerable.Range(0, random.Next(3)).Select(v => (id, change * 10 + v)))];
            rows = rows.With(changed, fresh, r => r.Id);
            expected = Replaced(expected, fresh, changed);
            Assert.That(rows.ToList(), Is.EqualTo(expected), $"change {change}");
            Assert.That(rows, Has.Count.EqualTo(expected.Count));
            if (expected.Count > 0) Assert.That(rows[change % expected.Count], Is.EqualTo(expected[change % expected.Count]));
        }
    }

    /// <summary>A record's rows replaced at its first row, a new record's rows last: the list a whole reload orders alike.</summary>
    private static List<(string Id, int Row)> Replaced(List<(string Id, int Row)> old, List<(string Id, int Row)> fresh, HashSet<string> changed)
    {
        var result = new List<(string Id, int Row)>();
        var placed = new HashSet<string>();
        foreach (var row in old)
            if (!changed.Contains(row.Id)) result.Add(row);
            else if (placed.Add(row.Id)) result.AddRange(fresh.Where(f => f.Id == row.Id));
        foreach (var id in fresh.Select(f => f.Id).Distinct())
            if (placed.Add(id)) result.AddRange(fresh.Where(f => f.Id == id));
        return result;
    }
}
