namespace IomDirectory.Server.Tests.Interop;

/// <summary>
/// The scenarios both interop clients implement (tests/interop/{python,node}), each under a test name that says the
/// behaviour. One list serves both fixtures so that the two clients are held to the same contract.
/// </summary>
public static class InteropScenarios
{
    public static readonly IReadOnlyDictionary<string, string> ByName = new Dictionary<string, string>
    {
        ["get-office"] = "GetOffice_RoCairo_ReturnsTheRegionalOfficeWithProvenance",
        ["list-offices-paged"] = "ListOffices_ByTypeInPagesOfThree_ReturnsEveryRegionalOfficeOnce",
        ["get-unit"] = "GetUnit_Dhrr_ReturnsTheDepartment",
        ["list-units"] = "ListUnits_ParentDhrr_ReturnsOnlyItsChildren",
        ["get-unit-path"] = "GetUnitPath_CbiUnit_ReturnsTheChainRootFirst",
        ["get-subtree"] = "GetSubtree_Dhrr_StreamsTheUnitThenItsDescendants",
        ["list-mailboxes"] = "ListMailboxes_ReturnsTheFiveAddresses",
        ["list-focal-points"] = "ListFocalPoints_OfDhrr_ReturnsTheSixRegionalThematicSpecialists",
        ["list-committees"] = "ListCommittees_ReturnsNamedCommittees",
        ["resolve-country"] = "ResolveCountry_SoudanOrSD_IsCoveredByCairo",
        ["resolve-country-as-of"] = "ResolveCountry_ArgentinaAsOf2023_IsCoveredByBuenosAires",
        ["search-accents"] = "SearchDirectory_TresorerieWithOrWithoutAccent_FindsTheSameHits",
        ["health-check"] = "HealthCheck_WholeServer_IsServing",
        ["health-check-unknown-service"] = "HealthCheck_UnknownService_IsNotFound",
        ["health-watch"] = "HealthWatch_SendsServingFirst_AndEndsCancelledWhenTheClientCancels",
        ["reflection-v1alpha"] = "ReflectionV1Alpha_ListsTheServices_AndDescribesGetOfficeWellEnoughToCallIt",
        ["reflection-v1"] = "ReflectionV1_ListsTheServices_AndDescribesGetOfficeWellEnoughToCallIt",
        ["deadline-exceeded"] = "CallWithAOneMillisecondDeadline_IsDeadlineExceeded_AndTheChannelStillWorks",
        ["stream-cancelled"] = "ServerStream_CancelledAfterTheFirstMessage_IsCancelled_AndTheChannelStillWorks",
        ["unknown-method"] = "UnknownMethod_IsUnimplemented",
        ["unknown-service"] = "UnknownService_IsUnimplemented",
        ["invalid-argument"] = "GetUnit_EmptyId_IsInvalidArgument_WithABadRequestViolationForId",
        ["metadata-round-trip"] = "RequestId_IsEchoedInResponseHeaders_AndABinaryHeaderIsAccepted",
        ["gzip-request"] = "GzipRequest_IsDecompressed_AndTheResponseDecodes",
        ["gzip-accepted-uncompressed-request"] = "UncompressedRequestAcceptingGzip_GetsAResponseThatDecodes",
    };

    public static IEnumerable<TestCaseData> Cases() =>
        ByName.Select(s => new TestCaseData(s.Key).SetName(s.Value));
}
