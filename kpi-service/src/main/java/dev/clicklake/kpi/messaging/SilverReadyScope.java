package dev.clicklake.kpi.messaging;

import dev.clicklake.contracts.event.LakeFile;
import dev.clicklake.contracts.event.SilverFile;
import dev.clicklake.contracts.event.SilverReady;
import dev.clicklake.contracts.layout.SilverLayout;
import java.util.Optional;

/**
 * What a silver-ready may name: only the objects enrich-service writes for that split of that dataset, at the
 * paths {@link SilverLayout} gives them in the silver container. Anything else (another dataset's objects, another
 * container, a {@code ..}) is refused, whatever the contract's schema allows.
 */
final class SilverReadyScope {

    private final String silverContainer;

    SilverReadyScope(String silverContainer) {
        this.silverContainer = silverContainer;
    }

    /** Why {@code message} names an object outside its own silver layout, if it does. */
    Optional<String> refusal(SilverReady message) {
        for (SilverFile file : message.files()) {
            String expected = SilverLayout.eventsPath(message.dataset(), file.eventDate(), message.ingestionId(),
                    message.split().index());
            Optional<String> wrong = outside("files[" + message.files().indexOf(file) + "]", file.container(),
                    file.path(), expected);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        LakeFile quarantine = message.quarantine();
        if (quarantine != null) {
            return outside("quarantine", quarantine.container(), quarantine.path(),
                    SilverLayout.quarantinePath(message.dataset(), message.ingestionId(), message.split().index()));
        }
        return Optional.empty();
    }

    private Optional<String> outside(String field, String container, String path, String expected) {
        if (!silverContainer.equals(container)) {
            return Optional.of(field + " is in container '" + container + "'; a silver-ready names objects of '"
                    + silverContainer + "' only");
        }
        if (!expected.equals(path)) {
            return Optional.of(field + " is '" + path + "'; the split's object of that date is '" + expected + "'");
        }
        return Optional.empty();
    }
}
