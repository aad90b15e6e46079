namespace LogisticsLink.Domain.Tests.Detection;

/// <summary>
/// Numbers whose check digits verify, one row per format. Most are sample numbers published with the formats
/// (tracking_number_data test numbers, carrier sandbox and API samples quoted in the carrier reference); the rest
/// were computed by hand with the published algorithm, which the comment says.
/// </summary>
public static class KnownNumbers
{
    /// <summary>number, carrier, format — formats with a check digit; each number is the only plausible match.</summary>
    public static readonly TheoryData<string, string, string> Checked = new()
    {
        { "1Z5R89390357567127", "ups", "UPS 1Z" },
        { "1Z879E930346834440", "ups", "UPS 1Z" },
        { "1Z8V92A70367203024", "ups", "UPS 1Z" },
        { "1Z1442YY7229014688", "ups", "UPS 1Z" }, // UPS's own Postman sample
        { "1ZCIETST0111111114", "ups", "UPS 1Z" }, // UPS Track Alert sample
        { "986578788855", "fedex", "FedEx Express (12)" },
        { "776094337676", "fedex", "FedEx Express (12)" }, // real FedEx capture
        { "041441760228964", "fedex", "FedEx Ground (15)" },
        { "122816215025810", "fedex", "FedEx Ground (15)" },
        { "000123450000000027", "fedex", "FedEx Ground SSCC-18" },
        { "61299998820821171811", "fedex", "FedEx SmartPost (20)" },
        { "9611020987654312345672", "fedex", "FedEx Ground 96 (22)" },
        { "1001921334250001000300779017972697", "fedex", "FedEx Express (34)" },
        { "9622001900000000000000776632517510", "fedex", "FedEx Ground GSN (34)" },
        { "03071790000523483741", "usps", "USPS 20" },
        { "71969010756003077385", "usps", "USPS 91 (20)" },
        { "9400111206206406260787", "usps", "USPS IMpb 22" },
        { "9361289878700317633795", "usps", "USPS IMpb 22" },
        { "9505511069605048600624", "usps", "USPS IMpb 22" },
        { "92748931507708513018050063", "usps", "USPS IMpb 26" },
        { "420221539101026837331000039521", "usps", "USPS IMpb 30" },
        { "4201002334249200190132607600833457", "usps", "USPS IMpb 34" },
        { "4202215303071790000523483741", "usps", "USPS 20 (28)" }, // "420" + ZIP 5 + the USPS 20 sample above
        { "42022153123403071790000523483741", "usps", "USPS 20 (32)" }, // "420" + ZIP 9 + the same
        { "4202215371969010756003077385", "usps", "USPS 91 (28)" }, // "420" + ZIP 5 + the USPS 91 (20) sample above
        { "EW112720413FR", "laposte", "UPU S10 (FR)" }, // real Colissimo international item
        { "FQ087430672GB", "royalmail", "UPU S10 (GB)" }, // Royal Mail API documentation
        { "RR123456785DE", "dhl", "UPU S10 (DE)" }, // computed
        { "CP123456785US", "usps", "UPU S10 (US)" }, // computed
        { "LA123456785ES", "upu", "UPU S10 (ES)" }, // computed
        { "3318810025", "dhl", "DHL Express" },
        { "8346088391", "dhl", "DHL Express" }, // real air waybill
        { "73891051146", "dhl", "DHL Express" },
        { "008182709980000020033350276C", "dpd", "DPD (28)" },
        { "008182709980000020045327276N", "dpd", "DPD (28)" },
        { "053088014100584", "dpd", "DPD (14+check)" }, // DPD test parcel + computed check character
        { "10000000000005Y", "dpd", "DPD (14+check)" }, // computed; the check character is a letter
        { "300000000079", "purolator", "Purolator (12)" }, // computed; fails FedEx's check
    };

    /// <summary>number, carrier, format — formats without a check digit that are still a plausible single answer.</summary>
    public static readonly TheoryData<string, string, string> Unchecked = new()
    {
        { "TBA502887274000", "amazon", "Amazon TBA" },
        { "TBM000000000001", "amazon", "Amazon TBM" },
        { "LLSB0000000042", "sandbox", "Sandbox LLSB" },
        { "GM2951173225174494", "dhl", "DHL eCommerce" },
        { "JJD0099999999", "dhl", "DHL Express piece ID" },
        { "090367574000000FE1E1B", "royalmail", "Royal Mail mailPieceId (21)" },
        { "6A15602676300", "laposte", "Colissimo (13)" },
    };
}
