"""Every DirectoryService RPC against the seeded data."""
from google.protobuf import timestamp_pb2

from support import check


def _as_of(date):
    stamp = timestamp_pb2.Timestamp()
    stamp.FromJsonString(date + "T00:00:00Z")
    return stamp


def get_office(c):
    d = c.pb.directory
    office = c.directory("GetOffice", c.pb.common.Office)(d.GetOfficeRequest(id="ro-cairo"), timeout=10)
    check(office.id == "ro-cairo" and office.city == "Cairo", f"unexpected office: {office}")
    check(office.type == c.pb.common.OFFICE_TYPE_REGIONAL_OFFICE, f"type {office.type}")
    check(office.provenance.source_document != "", f"no provenance: {office}")


def list_offices_paged(c):
    d = c.pb.directory
    call = c.directory("ListOffices", d.ListOfficesResponse)
    kind = c.pb.common.OFFICE_TYPE_REGIONAL_OFFICE
    ids, token, pages = [], "", 0
    while True:
        page = call(d.ListOfficesRequest(type=kind, page_size=3, page_token=token), timeout=10)
        check(all(o.type == kind for o in page.offices), f"type filter ignored: {[o.id for o in page.offices]}")
        ids += [o.id for o in page.offices]
        pages, token = pages + 1, page.next_page_token
        if not token:
            break
    check(pages > 1, f"expected several pages of 3, got {pages}")
    check(len(ids) == len(set(ids)) == page.total_size, f"pages {ids} vs total_size {page.total_size}")
    check("ro-cairo" in ids, f"ro-cairo missing from {ids}")


def get_unit(c):
    unit = c.directory("GetUnit", c.pb.common.Unit)(c.pb.directory.GetUnitRequest(id="dhrr"), timeout=10)
    check(unit.id == "dhrr" and unit.acronym == "DHRR" and unit.child_count > 0, f"unexpected unit: {unit}")


def list_units(c):
    d = c.pb.directory
    page = c.directory("ListUnits", d.ListUnitsResponse)(d.ListUnitsRequest(parent_id="dhrr"), timeout=10)
    check(len(page.units) > 0 and all(u.parent_unit_id == "dhrr" for u in page.units),
          f"children of dhrr: {[(u.id, u.parent_unit_id) for u in page.units]}")


def get_unit_path(c):
    d = c.pb.directory
    path = c.directory("GetUnitPath", d.GetUnitPathResponse)(d.GetUnitPathRequest(id="cbi-unit"), timeout=10).path
    ids = [u.id for u in path]
    check(len(ids) >= 2 and ids[-1] == "cbi-unit" and path[0].parent_unit_id == "", f"path not root-first: {ids}")
    check(all(path[i].parent_unit_id == path[i - 1].id for i in range(1, len(path))), f"broken path: {ids}")


def get_subtree(c):
    d = c.pb.directory
    nodes = list(c.server_stream("/iom.directory.v1.DirectoryService/GetSubtree", d.SubtreeNode)(
        d.GetSubtreeRequest(id="dhrr"), timeout=10))
    check(len(nodes) > 1 and nodes[0].unit.id == "dhrr" and nodes[0].depth == 0, f"first node: {nodes[:1]}")
    check(all(n.depth >= 1 for n in nodes[1:]), "only the root has depth 0")


def list_mailboxes(c):
    d = c.pb.directory
    page = c.directory("ListMailboxes", d.ListMailboxesResponse)(d.ListMailboxesRequest(), timeout=10)
    addresses = [m.address for m in page.mailboxes]
    check(len(addresses) == 5 and all("@iom.int" in a for a in addresses), f"mailboxes: {addresses}")


def list_focal_points(c):
    d = c.pb.directory
    page = c.directory("ListFocalPoints", d.ListFocalPointsResponse)(d.ListFocalPointsRequest(unit_id="dhrr"), timeout=10)
    titles = [f.role_title for f in page.focal_points]
    check(len(titles) == 6 and all("RTS" in t for t in titles), f"focal points: {titles}")


def list_committees(c):
    d = c.pb.directory
    committees = c.directory("ListCommittees", d.ListCommitteesResponse)(d.ListCommitteesRequest(), timeout=10).committees
    check(len(committees) > 0 and all(m.id and m.name for m in committees), f"committees: {committees}")


def resolve_country(c):
    d = c.pb.directory
    call = c.directory("ResolveCountry", d.ResolveCountryResponse)
    for query in ("Soudan", "SD"):
        answer = call(d.ResolveCountryRequest(country=query), timeout=10)
        check(answer.country.code == "SD", f"{query!r} resolved to {answer.country}")
        check(answer.regional_office.city == "Cairo", f"{query!r}: regional office {answer.regional_office.id}")


def resolve_country_as_of(c):
    d = c.pb.directory
    answer = c.directory("ResolveCountry", d.ResolveCountryResponse)(
        d.ResolveCountryRequest(country="Argentina", as_of=_as_of("2023-01-01")), timeout=10)
    check(answer.regional_office.city == "Buenos Aires", f"Argentina in 2023: {answer.regional_office.id}")


def search_accents(c):
    d = c.pb.directory
    call = c.directory("SearchDirectory", d.SearchDirectoryResponse)
    results = [[h.id for h in call(d.SearchDirectoryRequest(query=q), timeout=10).hits] for q in ("trésorerie", "tresorerie")]
    check(len(results[0]) > 0, "no hits for 'trésorerie'")
    check(results[0] == results[1], f"accents change the hits: {results[0]} vs {results[1]}")


SCENARIOS = {f.__name__.replace("_", "-"): f for f in [
    get_office, list_offices_paged, get_unit, list_units, get_unit_path, get_subtree, list_mailboxes,
    list_focal_points, list_committees, resolve_country, resolve_country_as_of, search_accents]}
