namespace LogisticsLink.Carriers.Tests.LaPoste;

/// <summary>
/// La Poste answers from public sources: a real Colissimo shipment FR → BR (karrio's La Poste tracking test) and the
/// error envelopes of La Poste's own Suivi v2 specification (400 invalid id, 404 returnCode 104).
/// </summary>
internal static class LaPosteFixtures
{
    public const string DeliveredColissimo = """
        [
          {
            "lang": "fr_FR", "scope": "open", "returnCode": 200,
            "shipment": {
              "idShip": "EW112720413FR", "holder": 4, "product": "colissimo", "isFinal": true,
              "deliveryDate": "2023-03-09T09:38:00+01:00", "entryDate": "2023-02-17T14:43:00+01:00",
              "timeline": [
                { "shortLabel": "Votre colis est entre nos mains.", "longLabel": "", "id": 1, "country": "FR", "status": true, "type": 1 },
                { "shortLabel": "Il est en chemin.", "longLabel": "", "id": 2, "country": "BR", "status": true, "type": 1 },
                { "shortLabel": "Votre colis est arrivé sur son site de livraison.", "longLabel": "", "id": 3, "country": "", "status": true, "type": 1 },
                { "shortLabel": "Nous préparons votre colis pour sa livraison.", "longLabel": "", "id": 4, "country": "BR", "status": true, "type": 1 },
                { "shortLabel": "Votre colis a été livré", "longLabel": "", "id": 5, "date": "2023-03-09T09:38:00+01:00", "country": "BR", "status": true, "type": 1 }
              ],
              "event": [
                { "code": "DI1", "label": "Votre colis est livré.", "date": "2023-03-09T09:38:00+01:00" },
                { "code": "MD2", "label": "Votre colis est dans le site de livraison qui dessert votre adresse. Nous le préparons pour le mettre en livraison.", "date": "2023-03-09T09:01:00+01:00" },
                { "code": "ET1", "label": "Votre colis est en cours d'acheminement.", "date": "2023-03-08T16:25:00+01:00" },
                { "code": "ET3", "label": "Votre colis est arrivé dans le pays du destinataire.", "date": "2023-02-22T16:23:00+01:00" },
                { "code": "ET2", "label": "Votre colis est prêt à partir de son territoire d’expédition. Il va être remis au transporteur pour son acheminement.", "date": "2023-02-18T12:27:00+01:00" },
                { "code": "ET1", "label": "Votre colis est en transit sur nos plateformes logistiques.", "date": "2023-02-18T07:34:12+01:00" },
                { "code": "ET1", "label": "Votre colis est en transit sur nos plateformes logistiques.", "date": "2023-02-17T23:13:12+01:00" },
                { "code": "PC1", "label": "Votre colis a été déposé dans un point postal.", "date": "2023-02-17T14:43:00+01:00" },
                { "code": "DR1", "label": "Votre Colissimo va bientôt nous être confié ! Il est en cours de préparation chez votre expéditeur.", "date": "2023-02-17T14:41:00+01:00" }
              ],
              "contextData": { "deliveryChoice": { "deliveryChoice": 0 }, "originCountry": "FR", "arrivalCountry": "BR" },
              "estimDate": "2023-03-09T09:38:00+01:00",
              "url": "https://www.laposte.fr/outils/suivre-vos-envois?code=EW112720413FR"
            }
          }
        ]
        """;

    public const string InvalidId = """
        {
          "returnCode": 400,
          "returnMessage": "Le numéro que vous avez saisi n’est pas valide. Nous vous invitons à vérifier votre saisie, en particulier le nombre de caractères.",
          "lang": "fr_FR", "scope": "open", "idShip": "6S00993561113"
        }
        """;

    public const string NotYetAvailable = """
        {
          "returnCode": 104,
          "returnMessage": "Votre suivi n'est pas encore disponible. Si vous avez déposé votre envoi, les informations de suivi peuvent être affichées avec un délai, veuillez réessayer ultérieurement.",
          "lang": "fr_FR", "scope": "open", "idShip": "6S00993561113"
        }
        """;

    /// <summary>A shipment with the given events (JSON array text) and extra shipment properties.</summary>
    public static string Shipment(string events, string extra = "", string returnCode = "200") => $$"""
        [{ "lang": "fr_FR", "scope": "open", "returnCode": {{returnCode}},
           "shipment": { "idShip": "6A15602676300", "holder": 4, "product": "colissimo" {{extra}}, "event": {{events}} } }]
        """;
}
