package dev.partnerapps.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The APIs partner applications may use. Reference data seeded by Flyway and changed only by a
 * migration, so it is read once at start-up.
 */
@Service
public class ApiCatalog {

    private final List<Api> apis;
    private final Map<String, Api> apiByCode = new LinkedHashMap<>();
    /** Sensitive group code to the API it belongs to. */
    private final Map<String, Api> groupOwner = new LinkedHashMap<>();
    private final Map<String, String> nameByScope = new LinkedHashMap<>();
    private final Map<String, String> descriptionByScope = new LinkedHashMap<>();

    ApiCatalog(JdbcTemplate jdbc) {
        Map<String, List<Api.SensitiveGroup>> groups = new LinkedHashMap<>();
        jdbc.query("select code, api_code, name, description from api_sensitive_groups order by api_code, sort_order",
                rs -> {
                    groups.computeIfAbsent(rs.getString("api_code"), k -> new ArrayList<>())
                            .add(new Api.SensitiveGroup(rs.getString("code"), rs.getString("name"),
                                    rs.getString("description")));
                });
        this.apis = jdbc.query("select code, name, description, requires_code from apis order by sort_order",
                (rs, i) -> new Api(rs.getString("code"), rs.getString("name"), rs.getString("description"),
                        rs.getString("requires_code"), List.copyOf(groups.getOrDefault(rs.getString("code"), List.of()))));
        for (Api api : apis) {
            apiByCode.put(api.code(), api);
            nameByScope.put(api.code(), api.name());
            descriptionByScope.put(api.code(), api.description());
            for (Api.SensitiveGroup group : api.groups()) {
                groupOwner.put(group.code(), api);
                nameByScope.put(group.code(), group.name());
                descriptionByScope.put(group.code(), group.description());
            }
        }
    }

    public List<Api> apis() {
        return apis;
    }

    public Optional<Api> api(String code) {
        return Optional.ofNullable(apiByCode.get(code));
    }

    public boolean isKnownScope(String scope) {
        return nameByScope.containsKey(scope);
    }

    public boolean isSensitiveGroup(String scope) {
        return groupOwner.containsKey(scope);
    }

    /** The API a sensitive group belongs to. */
    public Optional<Api> apiOfGroup(String groupCode) {
        return Optional.ofNullable(groupOwner.get(groupCode));
    }

    public String nameOf(String scope) {
        return nameByScope.getOrDefault(scope, scope);
    }

    public String descriptionOf(String scope) {
        return descriptionByScope.getOrDefault(scope, "");
    }

    /** Scopes in catalog order, for stable display. */
    public List<String> inCatalogOrder(Collection<String> scopes) {
        Set<String> wanted = new TreeSet<>(scopes);
        return nameByScope.keySet().stream().filter(wanted::contains).toList();
    }
}
