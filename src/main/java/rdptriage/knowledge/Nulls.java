package rdptriage.knowledge;

import java.util.List;

/** YAML leaves absent lists null; records normalise them to empty lists here. */
final class Nulls {

    private Nulls() {}

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
