package dev.loyalty.open;

/** The API key a signed request was verified with: its row id, its public id and its store. */
public record TillKey(long id, String keyId, long storeId) {

    /** The request attribute under which the signature filter leaves the verified key for the controllers. */
    public static final String ATTRIBUTE = "dev.loyalty.open.TillKey";
}
