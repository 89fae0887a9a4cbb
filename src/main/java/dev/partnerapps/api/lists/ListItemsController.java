package dev.partnerapps.api.lists;

import dev.partnerapps.api.ApiCaller;
import dev.partnerapps.errors.ConflictException;
import dev.partnerapps.errors.NotFoundException;
import dev.partnerapps.api.BadApiRequestException;
import dev.partnerapps.api.Paging;
import dev.partnerapps.api.RequiresScopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import dev.partnerapps.api.ApiDocs;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * List Item (scope LIST): the company's lists and their items. Every query is bounded by the
 * token's company, so another company's list or item is simply not found.
 */
@Tag(name = "List Item")
@RestController
@RequestMapping("/api/v3.0/common")
class ListItemsController {

    static final String SCOPE = "LIST";

    private static final String ITEM_EXAMPLE = """
            {"id":2,"listId":1,"code":"ACME-101","name":"Office move","parentId":1}""";

    @Schema(name = "ItemList", description = "A list of the company, e.g. Project Codes.")
    record ListView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") long id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Project Codes") String name) {
    }

    @Schema(name = "ListItem", description = "An item of a list.")
    record ItemView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "2") long id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1") long listId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Unique in its list.",
                    example = "ACME-101") String code,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Office move") String name,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true,
                    description = "The parent item (same list), or null.", example = "1") Long parentId) {
    }

    @Schema(name = "ItemListPage", description = "A page of lists.")
    private record ListPage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ListView> items,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = Paging.NEXT_DOC)
            String next) {
    }

    @Schema(name = "ListItemPage", description = "A page of list items.")
    private record ItemPage(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ItemView> items,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, nullable = true, description = Paging.NEXT_DOC)
            String next) {
    }

    /** PostgreSQL refuses a NUL in text: without this a NUL in the JSON became a server error. */
    static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";

    @Schema(name = "ListItemRequest", description = "A new list item, or an item's new values (PUT replaces them "
            + "all: leave parentId out to make it a top-level item).")
    record ItemRequest(@Schema(description = "The list; an item never moves to another one.", example = "1")
            @NotNull(message = "is required") @Positive Long listId,
            @Schema(description = "Unique in its list (409 otherwise); surrounding spaces are removed.",
                    example = "ACME-300")
            @NotBlank(message = "is required") @Size(max = 50, message = "at most 50 characters")
            @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters") String code,
            @Schema(example = "Website relaunch")
            @NotBlank(message = "is required") @Size(max = 200, message = "at most 200 characters")
            @Pattern(regexp = NO_CONTROL_CHARACTERS, message = "must not contain control characters") String name,
            @Schema(description = "An item of the same list; no cycles.", nullable = true) @Positive Long parentId) {
    }

    private final ListItemQueries queries;
    private final Paging paging;

    ListItemsController(ListItemQueries queries, Paging paging) {
        this.queries = queries;
        this.paging = paging;
    }

    @Operation(operationId = "getLists",
            summary = "The company's lists", description = "Ordered by id.")
    @ApiResponse(responseCode = "200", description = "A page of lists.", content = @Content(
            mediaType = ApiDocs.JSON, schema = @Schema(implementation = ListPage.class), examples = @ExampleObject(name = "demo", summary = "Demo data", value = """
                    {"items":[{"id":1,"name":"Project Codes"},{"id":2,"name":"Cost Centers"}],"next":null}""")))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @RequiresScopes(SCOPE)
    @GetMapping("/lists")
    Paging.Collection<ListView> lists(ApiCaller caller,
            @Parameter(description = Paging.LIMIT_DOC, example = "25", schema = @Schema(type = "integer",
                    format = "int32", minimum = "1", maximum = "100", defaultValue = "25"))
            @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.CURSOR_DOC) @RequestParam(required = false) String cursor,
            @Parameter(description = Paging.OFFSET_DOC, deprecated = true) @RequestParam(required = false) Long offset) {
        Paging.Request page = paging.request(limit, offset, cursor, "lists", caller.companyId());
        return paging.page(queries.lists(caller.companyId(), page), page, list -> List.of(list.id()));
    }

    @Operation(operationId = "getListItems",
            summary = "The items of a list", description = "Ordered by code, then id.")
    @ApiResponse(responseCode = "200", description = "A page of items; `next` leads to the following page.",
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ItemPage.class),
                    examples = @ExampleObject(name = "demo", summary = "Demo data", value = """
                    {"items":[{"id":1,"listId":1,"code":"ACME-100","name":"Internal projects","parentId":null},\
                    {"id":2,"listId":1,"code":"ACME-101","name":"Office move","parentId":1}],\
                    "next":"http://localhost:8080/api/v3.0/common/listitems?listId=1&cursor=AbC123&limit=2"}""")))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @RequiresScopes(SCOPE)
    @GetMapping("/listitems")
    Paging.Collection<ItemView> items(ApiCaller caller,
            // Required in the description; the method checks it itself so that its absence is a 400 problem.
            @Parameter(description = "The list whose items to read (an id from GET /lists).", required = true,
                    example = "1")
            @RequestParam(required = false) Long listId,
            @Parameter(description = Paging.LIMIT_DOC, example = "2", schema = @Schema(type = "integer",
                    format = "int32", minimum = "1", maximum = "100", defaultValue = "25"))
            @RequestParam(required = false) Integer limit,
            @Parameter(description = Paging.CURSOR_DOC) @RequestParam(required = false) String cursor,
            @Parameter(description = Paging.OFFSET_DOC, deprecated = true) @RequestParam(required = false) Long offset) {
        if (listId == null) {
            throw new BadApiRequestException("Parameter 'listId' is required.");
        }
        Paging.Request page = paging.request(limit, offset, cursor, "listitems", caller.companyId(), listId);
        List<ItemView> items = queries.items(caller.companyId(), listId, page);
        if (items.isEmpty()) {
            // Only an empty page needs to ask why it is empty: no such list, or past its end.
            requireList(caller, listId);
        }
        return paging.page(items, page, item -> List.of(item.code(), item.id()));
    }

    @Operation(operationId = "getListItem",
            summary = "One list item")
    @ApiResponse(responseCode = "200", description = "The item.", content = @Content(mediaType = ApiDocs.JSON,
            schema = @Schema(implementation = ItemView.class), examples = @ExampleObject(name = "demo", summary = "Demo data", value = ITEM_EXAMPLE)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @RequiresScopes(SCOPE)
    @GetMapping("/listitems/{id}")
    ItemView item(ApiCaller caller, @Parameter(example = "2") @PathVariable long id) {
        return find(caller, id);
    }

    @Operation(operationId = "createListItem",
            summary = "Add an item to a list",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = ApiDocs.JSON, schema = @Schema(implementation = ItemRequest.class),
                    examples = @ExampleObject(name = "demo", summary = "Demo data", value = """
                            {"listId":1,"code":"ACME-300","name":"Website relaunch"}"""))))
    @ApiResponse(responseCode = "201", description = "Created; `Location` is the new item's path.",
            headers = @Header(name = "Location", required = true, description = "The new item's path.",
                    schema = @Schema(type = "string", example = "/api/v3.0/common/listitems/10")),
            content = @Content(mediaType = ApiDocs.JSON, schema = @Schema(implementation = ItemView.class),
                    examples = @ExampleObject(name = "demo", summary = "Demo data", value = """
                            {"id":10,"listId":1,"code":"ACME-300","name":"Website relaunch","parentId":null}""")))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    @RequiresScopes(SCOPE)
    @PostMapping("/listitems")
    @Transactional
    ResponseEntity<ItemView> create(ApiCaller caller, @Valid @RequestBody ItemRequest request) {
        if (!queries.listExists(caller.companyId(), request.listId())) {
            throw new BadApiRequestException("listId does not name a list of your company.");
        }
        requireParent(request.listId(), request.parentId(), null);
        long id = queries.insert(request.listId(), request.code().strip(), request.name().strip(), request.parentId());
        ItemView created = find(caller, id);
        return ResponseEntity.created(URI.create("/api/v3.0/common/listitems/" + created.id())).body(created);
    }

    @Operation(operationId = "updateListItem",
            summary = "Change a list item",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = ApiDocs.JSON, schema = @Schema(implementation = ItemRequest.class),
                    examples = @ExampleObject(name = "demo", summary = "Demo data", value = """
                            {"listId":1,"code":"ACME-101","name":"Office move","parentId":1}"""))))
    @ApiResponse(responseCode = "200", description = "The item as saved.", content = @Content(
            mediaType = ApiDocs.JSON, schema = @Schema(implementation = ItemView.class), examples = @ExampleObject(name = "demo", summary = "Demo data", value = ITEM_EXAMPLE)))
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @ApiResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED_MEDIA_TYPE)
    @RequiresScopes(SCOPE)
    @PutMapping("/listitems/{id}")
    @Transactional
    ItemView update(ApiCaller caller, @Parameter(example = "2") @PathVariable long id,
            @Valid @RequestBody ItemRequest request) {
        ItemView existing = find(caller, id);
        if (existing.listId() != request.listId()) {
            throw new BadApiRequestException("An item cannot move to another list.");
        }
        requireParent(existing.listId(), request.parentId(), id);
        queries.update(id, request.code().strip(), request.name().strip(), request.parentId());
        return find(caller, id);
    }

    @Operation(operationId = "deleteListItem",
            summary = "Delete a list item", description = "An item with child items cannot be deleted (409).")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @RequiresScopes(SCOPE)
    @DeleteMapping("/listitems/{id}")
    @Transactional
    ResponseEntity<Void> delete(ApiCaller caller,
            @Parameter(description = "The item; 10 is the one the POST example adds to a fresh demo database.",
                    example = "10") @PathVariable long id) {
        find(caller, id);
        if (queries.hasChildren(id)) {
            throw new ConflictException("The item has child items; delete or move them first.");
        }
        queries.delete(id);
        return ResponseEntity.noContent().build();
    }

    private ItemView find(ApiCaller caller, long id) {
        return queries.item(caller.companyId(), id).orElseThrow(() -> new NotFoundException("List item " + id));
    }

    private void requireList(ApiCaller caller, long listId) {
        if (!queries.listExists(caller.companyId(), listId)) {
            throw new NotFoundException("List " + listId);
        }
    }

    private void requireParent(long listId, Long parentId, Long itemId) {
        if (parentId == null) {
            return;
        }
        if (parentId.equals(itemId)) {
            throw new BadApiRequestException("An item cannot be its own parent.");
        }
        if (!queries.isItemOf(listId, parentId)) {
            throw new BadApiRequestException("parentId must be an item of the same list.");
        }
        // No cycles: the new parent must not descend from the item itself.
        if (itemId != null && queries.isSelfOrAncestor(itemId, parentId)) {
            throw new BadApiRequestException("parentId would make the item its own ancestor.");
        }
    }
}
