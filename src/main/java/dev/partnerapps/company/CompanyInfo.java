package dev.partnerapps.company;

import java.io.Serializable;

/** What other modules may know about a company. Serializable: the signed-in user carries it in the session. */
public record CompanyInfo(long id, String name, String domain, boolean developmentPartner, boolean platformOperator)
        implements Serializable {
}
