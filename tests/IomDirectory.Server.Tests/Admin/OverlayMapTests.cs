using IomDirectory.Server.Snapshots;

namespace IomDirectory.Server.Tests.Admin;

/// <summary>
/// The shared tables a write changes in place of copying (<see cref="OverlayMap{TValue}"/>) answer and enumerate
/// exactly as a copy changed the plain way would, across many changes (and so across the folds of
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
}
