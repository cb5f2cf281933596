using IomDirectory.Contracts.V1;
using Grpc.Core;
using IomDirectory.Contracts.Transport;
using IomDirectory.Server.Tests.Support;

namespace IomDirectory.Server.Tests.Routing;

/// <summary>
/// Messages as staff write them (issue #31), through the real server, a real socket and the project's gRPC client:
/// places from the gazetteer, the asker's place against an origin, signatures, jargon, out of scope both ways, the
/// relative cut; each in English, French and Spanish.
/// </summary>
[TestFixture]
public sealed class MessageRoutingRpcTests
{
    private RunningServer _server = null!;

    [OneTimeSetUp]
    public async Task Start() => _server = await RunningServer.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private Task<SuggestContactsResponse> Suggest(string query, string askerCountry = "") =>
        _server.Routing.SuggestContactsAsync(new SuggestContactsRequest { Query = query, AskerCountry = askerCountry }, new CallOptions()).ResponseAsync;

    private static void AssertRtsFirst(SuggestContactsResponse response, string city, string email)
    {
        Assert.Multiple(() =>
        {
            Assert.That(response.Confident, Is.True);
            Assert.That(response.Suggestions[0].ContactKind, Is.EqualTo("focal_point"));
            Assert.That(response.Suggestions[0].OfficeCity, Is.EqualTo(city));
            Assert.That(response.Suggestions.Take(3).Select(s => s.Email), Does.Contain(email));
        });
    }

    [TestCase("Heavy rains in Jonglei have flooded the displacement sites; we need support on camp coordination and camp management.", "Nairobi", "humanitariancore@iom.int", "Jonglei, in South Sudan")]
    [TestCase("Dans la région de Mopti, nous préparons un plan de contingence et un système d'alerte précoce avant la saison des pluies.", "Dakar", "pcca@iom.int", "Mopti (Mali)")]
    [TestCase("En Arauca necesitamos apoyo para transferencias en efectivo a familias desplazadas por la violencia.", "Panama City", "cbisupport@iom.int", "Arauca (Colombia)")]
    public async Task PlaceBelowTheCountry_FromTheGazetteer_PutsTheRtsOfItsRegionFirst_AndSaysWhatWasUnderstood(string query, string city, string email, string understood)
    {
        var response = await Suggest(query);
        AssertRtsFirst(response, city, email);
        Assert.That(response.Suggestions[0].Reasons[0], Does.Contain(understood));
    }

    [TestCase("Our sub-office in Kassala receives new arrivals coming across from South Sudan every day; who can advise on emergency shelter?", "Cairo")]
    [TestCase("Notre équipe à Nampula accueille des familles arrivées depuis la Tanzanie ; nous avons besoin d'un appui en eau, assainissement et hygiène.", "Nairobi")]
    [TestCase("Les escribo desde Arauca: llegan familias desde Venezuela y necesitamos orientación sobre albergues de emergencia.", "Panama City")]
    public async Task AskersPlace_BeatsAPlaceNamedAsAnOrigin(string query, string city) =>
        Assert.That((await Suggest(query)).Suggestions[0].OfficeCity, Is.EqualTo(city));

    [Test]
    public async Task ExplicitAskerCountry_BeatsThePlaceTheMessageNames()
    {
        var response = await Suggest("Heavy rains in Jonglei have flooded the displacement sites; we need support on camp management.", askerCountry: "Mali");
        Assert.That(response.Suggestions[0].OfficeCity, Is.EqualTo("Dakar"));
    }

    [TestCase("Dear colleagues, I hope you are well. Families displaced by the fighting keep arriving and we need guidance on setting up site management committees. Who can help? Best regards, Human Resources Assistant, IOM Baidoa Sub-Office", "Nairobi", "humanitariancore@iom.int")]
    [TestCase("Bonjour à tous, Nous devons organiser des transferts monétaires pour les ménages déplacés. Qui peut nous appuyer ? Cordialement, Assistante budget et finances, Sous-bureau de l'OIM à Mopti", "Dakar", "cbisupport@iom.int")]
    [TestCase("Hola, equipo: Necesitamos apoyo en albergues de emergencia tras las inundaciones. ¿Con quién coordino? Saludos, Oficial de comunicación, Oficina de la OIM en Arauca", "Panama City", "humanitariancore@iom.int")]
    public async Task Signature_GivesTheAskersOffice_AndItsJobTitleWeighsNothing(string query, string city, string email)
    {
        var response = await Suggest(query);
        AssertRtsFirst(response, city, email);
        Assert.That(response.Suggestions.Select(s => s.UnitId),
            Has.None.AnyOf("dhrm", "hr-policy-unit", "budget-division", "finance-accounting-division", "media-communications-unit"));
    }

    [TestCase("MHPSS TA for a displacement crisis: HQ PoC?", "mhpss-unit")]
    [TestCase("SMSPS dans la riposte : qui au siège ?", "mhpss-unit")]
    [TestCase("SMAPS en la respuesta: ¿PoC en la sede?", "mhpss-unit")]
    [TestCase("HR: who handles staff appeals and grievances?", "hr-policy-unit")]
    public async Task Acronyms_AloneOrInJargon_ReadAsTheirExpansions(string query, string unitId)
    {
        var response = await Suggest(query);
        Assert.Multiple(() =>
        {
            Assert.That(response.Confident, Is.True);
            Assert.That(response.Suggestions[0].UnitId, Is.EqualTo(unitId));
        });
    }

    [TestCase("NFI + S&S for an L3 scale-up: HQ PoC?", "humanitariancore@iom.int")]
    [TestCase("ANA et abris + EAH : qui au siège ?", "humanitariancore@iom.int")]
    [TestCase("TM/CVA en la emergencia: ¿PoC en HQ?", "cbisupport@iom.int")]
    public async Task Jargon_ReachesTheMailboxOfTheTopic(string query, string email) =>
        Assert.That((await Suggest(query)).Suggestions[0].Email, Is.EqualTo(email));

    [TestCase("Can anyone recommend a tourist visa agency for my holiday in Thailand? Our regional office is in Bangkok.")]
    [TestCase("Quelle est la langue officielle du Burkina Faso ?")]
    [TestCase("Mi casero no me devuelve la fianza del alquiler en Ginebra, ¿qué hago?")]
    [TestCase("How does WFP's executive board approve their internal budget?")]
    public async Task OutOfScope_EvenWithACountryOrAnOfficeOrADirectoryWord_IsNotConfident_AndFallsBackToGeneralEntryPoints(string query)
    {
        var response = await Suggest(query);
        Assert.Multiple(() =>
        {
            Assert.That(response.Confident, Is.False);
            Assert.That(response.Suggestions[0].Reasons[0], Does.Contain("No unit clearly answers").Or.Contain("Aucune unité").Or.Contain("Ninguna unidad"));
        });
    }

    [TestCase("Hello, families displaced by the floods are paying rent they cannot afford; we want to start cash assistance for rent. Who can help? Thanks, Programme Assistant, IOM Kismayo")]
    [TestCase("Bonjour, Notre bureau veut améliorer la collecte des données sur les déplacements avec la DTM. Qui peut nous aider ?")]
    [TestCase("Hola: necesitamos asesoría jurídica sobre un contrato de arrendamiento de la oficina. ¿Quién revisa contratos?")]
    public async Task RealMessage_WithEverydayWords_IsConfident(string query) =>
        Assert.That((await Suggest(query)).Confident, Is.True);

    [TestCase("We are preparing a proposal to the German cooperation; who should we work with?", "co-berlin")]
    [TestCase("Nous préparons une proposition de projet pour la coopération japonaise : quel bureau nous appuie ?", "co-tokyo")]
    [TestCase("Preparamos una propuesta de proyecto para la cooperación coreana: ¿qué oficina nos apoya?", "copa-seoul")]
    [TestCase("I just took up my post in Yerevan. Who is our regional office?", "ro-vienna")]
    [TestCase("Je viens d'arriver à Ouagadougou : quel est notre bureau régional ?", "ro-dakar")]
    [TestCase("Acabo de llegar a mi puesto en Tegucigalpa: ¿qué oficina regional nos cubre?", "ro-panama-city")]
    public async Task OfficeByFunction_ForTheCountryTheMessageNames(string query, string officeId) =>
        Assert.That((await Suggest(query)).Suggestions[0].OfficeId, Is.EqualTo(officeId));

    [TestCase("Who handles cash-based interventions?")]
    [TestCase("Qui s'occupe de la gestion des camps ?")]
    [TestCase("¿Quién se encarga de la estabilización comunitaria?")]
    public async Task ConfidentAnswer_DropsContactsFarBelowTheBest_AndHasNoGeneralEntryPoints(string query)
    {
        var response = await Suggest(query);
        var best = response.Suggestions[0].Score;
        Assert.Multiple(() =>
        {
            Assert.That(response.Confident, Is.True);
            Assert.That(response.Suggestions.Select(s => s.Score), Has.All.GreaterThanOrEqualTo(SquashedHalf(best)));
            Assert.That(response.Suggestions.SelectMany(s => s.Reasons), Has.None.Contains("general point of entry"));
        });
    }

    /// <summary>The displayed score of half the best raw score (scores are raw / (raw + 1.5)), a little under for rounding.</summary>
    private static double SquashedHalf(double best)
    {
        var raw = 1.5 * best / (1 - best);
        return raw / 2 / (raw / 2 + 1.5) - 0.001;
    }
}
